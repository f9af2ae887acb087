import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageHash } from '../../src/ledger/incidentRecord.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { memoryLedgerBackend } from '../../src/ledger/ledgerBackend.js';
import { Recorder } from '../../src/ledger/recorder.js';
import { Spool } from '../../src/ledger/spool.js';
import { ImageReader, type ImageText } from '../../src/ocr/imageReader.js';
import { bytesImage } from '../../src/ocr/imageSource.js';
import type { TextRecognizer } from '../../src/ocr/textRecognizer.js';
import type { ModerationPort } from '../../src/moderation/moderationPort.js';
import { Moderator } from '../../src/moderation/moderator.js';
import { FIVE_G_ID, harness, TEXT } from '../engine/harness.js';

const PNG = readFileSync(new URL('../fixtures/images/rumor-en.png', import.meta.url));
const OTHER = readFileSync(new URL('../fixtures/images/lunch.png', import.meta.url));

/**
 * The moderator with a recognizer that "reads" each picture as the text the test gives it
 * (real OCR is tested in test/ocr/; here what matters is what becomes of the text).
 */
function setup(texts: Map<Buffer, string>) {
  const h = harness();
  const backend = memoryLedgerBackend();
  const spool = new Spool(path.join(mkdtempSync(path.join(tmpdir(), 'rg-pictures-')), 'spool.jsonl'));
  const moderator = new Moderator(h.engine, new Recorder(new Ledger(backend), spool));
  let reads = 0;
  const recognizer: TextRecognizer = {
    slots: 1,
    recognize: async (image) => {
      reads += 1;
      return { ok: true, text: [...texts].find(([b]) => b.equals(image))?.[1] ?? '' };
    },
    close: async () => undefined,
  };
  const skipped: ImageText[] = [];
  moderator.readImagesWith(new ImageReader(recognizer), (_m, _s, skip) => skipped.push(skip));
  const replies: string[] = [];
  const port = { reply_refutation: async () => (replies.push('refutation'), { status: 'done' }) } as unknown as ModerationPort;
  const records = async () => (await moderator.settled(), (await backend.read('g-1')).map((e) => e.record));
  return { h, moderator, port, replies, records, skipped, reads: () => reads };
}

describe('Moderator.onPictures', () => {
  it('GIVEN a screenshot of a rumor with a harmless caption THEN the refutation replies AND the incident says the match came from the image, with its sha256', async () => {
    const { h, moderator, port, replies, records } = setup(new Map([[PNG, `BREAKING\n${TEXT.fiveG}\nshared 3.4K times`]]));
    const message = h.message({ text: 'look at this!' });
    const { queued, handled } = await moderator.onPictures(message, [bytesImage('photo', PNG)], port);
    expect(queued).toBe(1);
    const done = await handled;
    expect(done?.decision.matches[0]?.debunkId).toBe(FIVE_G_ID);
    await done?.outcomes;
    expect(replies).toEqual(['refutation']);
    const [incident] = await records();
    expect(incident).toMatchObject({
      type: 'incident',
      messageId: message.messageId,
      debunkId: FIVE_G_ID,
      images: { matchedIn: 'image', sha256: [expect.stringMatching(/^[0-9a-f]{64}$/)] },
      // The text decided: the caption, then what the picture says.
      messageHash: messageHash(`look at this!\nBREAKING ${TEXT.fiveG} shared 3.4K times`),
    });
  });

  it('GIVEN the rumor in the caption of an unrelated picture THEN it is decided once, matched in the caption', async () => {
    const { h, moderator, port, records } = setup(new Map([[OTHER, 'Sunday lunch with the family']]));
    await (await (await moderator.onPictures(h.message({ text: TEXT.fiveG }), [bytesImage('lunch', OTHER)], port)).handled)?.outcomes;
    const incidents = (await records()).filter((r) => r.type === 'incident');
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ images: { matchedIn: 'caption' } });
  });

  it('GIVEN a group that turned pictures off THEN only the caption is decided and nothing is read', async () => {
    const { h, moderator, port, reads, records } = setup(new Map([[PNG, TEXT.fiveG]]));
    expect((await moderator.onAdminCommand('test', 'g-1', { id: 'o', name: 'Owner', isAdmin: true }, '/rg images off')).ok).toBe(true);
    const { queued, handled } = await moderator.onPictures(h.message({ text: 'look' }), [bytesImage('photo', PNG)], port);
    expect(queued).toBe(0);
    expect((await handled)?.decision.matches).toEqual([]);
    expect(reads()).toBe(0);
    expect((await records()).filter((r) => r.type === 'incident')).toEqual([]);
  });

  it('GIVEN the same picture forwarded again THEN it is read once and still acted on', async () => {
    const { h, moderator, port, replies, reads } = setup(new Map([[PNG, TEXT.fiveG]]));
    for (const id of ['a', 'b']) {
      h.advance(11 * 60_000);
      await (await (await moderator.onPictures(h.message({ text: '', member: { id, name: id } }), [bytesImage(id, PNG)], port)).handled)?.outcomes;
    }
    expect(reads()).toBe(1);
    expect(replies).toEqual(['refutation', 'refutation']);
  });

  it('GIVEN a picture without a caption that cannot be read THEN nothing is decided and the skip is reported', async () => {
    const { h, moderator, port, skipped } = setup(new Map());
    const { handled } = await moderator.onPictures(h.message({ text: '' }), [bytesImage('junk', Buffer.from('no picture'))], port);
    expect(await handled).toBeUndefined();
    expect(skipped).toMatchObject([{ ok: false, reason: 'not_an_image' }]);
  });
});

describe('/rg settings and pictures', () => {
  it('GIVEN pictures on for the group WHEN the bot runs without a picture reader (OCR off) THEN /rg settings says they cannot be read; with one it says only "on"', async () => {
    // Real-client QA: "text in pictures read: on" with OCR=off.
    const owner = { id: 'o', name: 'Olivia', isAdmin: true };
    const { h, moderator } = setup(new Map());
    const without = new Moderator(h.engine);
    expect((await without.onAdminCommand('test', 'g-1', owner, '/rg settings')).reply).toContain(
      'text in pictures read: on, but this bot cannot read pictures (OCR is off or not installed where it runs)',
    );
    expect((await without.onAdminCommand('test', 'g-1', owner, '/rg settings', 'zh')).reply).toContain('但本机器人无法读取图片');
    expect((await moderator.onAdminCommand('test', 'g-1', owner, '/rg settings')).reply).toContain('text in pictures read: on\n');
  });
});
