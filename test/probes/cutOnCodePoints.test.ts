import { describe, expect, it } from 'vitest';
import { sourcesPopup } from '../../adapters/telegram/replies.js';
import { DebunkSchema } from '../../src/debunks/schema.js';
import { plainText } from '../../src/engine/plainText.js';
import { FeedbackQueue } from '../../src/feedback/feedbackQueue.js';
import { cutText, ellipsize } from '../../src/lib/cutText.js';
import { memoryStore } from '../../src/store/keyvStore.js';

// Issue 13 row 10: plainText, the 500-character note and sourcesPopup could cut an emoji in half.

/** A lone surrogate: half of an astral character. */
const hasLoneSurrogate = (text: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe('text cut on code points', () => {
  it.each([0, 1, 2, 3])('GIVEN emoji shifted by %i units THEN plainText, cutText and ellipsize leave no lone surrogate at any length', (shift) => {
    const text = `${'a'.repeat(shift)}${'😀'.repeat(300)}`;
    for (let max = 1; max < 60; max++) {
      for (const cut of [plainText(text, max), cutText(text, max), ellipsize(text, max)]) {
        expect(hasLoneSurrogate(cut), `${max}: ${JSON.stringify(cut)}`).toBe(false);
        expect(cut.length).toBeLessThanOrEqual(max);
      }
    }
    expect(hasLoneSurrogate(plainText(text, 500))).toBe(false);
  });

  it('GIVEN a member report whose note runs past 500 characters in emoji THEN the stored note has no half emoji', async () => {
    const queue = new FeedbackQueue(memoryStore());
    const note = `${'x'}${'🚫'.repeat(400)}`;
    const added = await queue.add({ kind: 'report', groupId: 'g', messageId: 'm', by: { id: 'u', name: 'U' }, note, message: { text: note.repeat(6), author: { id: 'a', name: 'A' } } });
    expect(added.ok).toBe(true);
    const [stored] = await queue.open('g');
    expect(stored!.note.length).toBeLessThanOrEqual(500);
    expect(hasLoneSurrogate(stored!.note)).toBe(false);
    expect(hasLoneSurrogate(stored!.message!.text)).toBe(false);
  });

  it('GIVEN sources whose titles put an emoji across the 200-character pop-up limit THEN the pop-up has no half emoji', () => {
    for (let pad = 0; pad < 4; pad++) {
      const d = DebunkSchema.parse({
        id: 'x',
        claim: 'c',
        verdict: 'false',
        refutation: 'r',
        sources: [{ title: `${'t'.repeat(pad)}${'📰'.repeat(150)}`, url: 'https://example.org/' }],
        lang: 'en',
        published: '2024-01-01',
      });
      const popup = sourcesPopup(d);
      expect(popup.length).toBeLessThanOrEqual(200);
      expect(hasLoneSurrogate(popup)).toBe(false);
    }
  });
});
