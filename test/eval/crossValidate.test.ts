import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crossValidate } from '../../src/eval/fitVerifier.js';
import { FEATURE_COUNT } from '../../src/matching/features.js';
import { createMatcher } from '../../src/matching/matcher.js';
import { verify } from '../../src/matching/verifier.js';

const root = mkdtempSync(join(tmpdir(), 'rg-cv-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const CLAIMS = [
  { claim_id: 'c-1', claim: 'Eating garlic prevents infection with the coronavirus', lang: 'en' },
  { claim_id: 'c-2', claim: 'Bananas imported from Costa Rica carry flesh-eating bacteria', lang: 'en' },
  { claim_id: 'c-3', claim: 'WhatsApp will start charging unless you forward this message to 10 contacts', lang: 'en' },
  { claim_id: 'c-4', claim: 'Mosquito bites spread the coronavirus', lang: 'en' },
];
const MESSAGES = [
  { id: 'c-1:spread:1', claim: 'c-1', kind: 'spread', text: 'eat garlic every day, it prevents coronavirus infection' },
  { id: 'c-1:question:1', claim: 'c-1', kind: 'question', text: 'does eating garlic really prevent infection with the coronavirus?' },
  { id: 'c-2:spread:1', claim: 'c-2', kind: 'spread', text: 'bananas from costa rica carry flesh eating bacteria, throw them out' },
  { id: 'c-2:neg:1', claim: 'c-2', kind: 'neg', text: 'Costa Rica was lovely, we ate bananas every morning' },
  { id: 'c-3:spread:1', claim: 'c-3', kind: 'spread', text: 'whatsapp will start charging unless you forward this to 10 contacts!!' },
  { id: 'c-3:refute:1', claim: 'c-3', kind: 'refute', text: 'the whatsapp will start charging unless you forward it thing is a hoax' },
  { id: 'c-4:spread:1', claim: 'c-4', kind: 'spread', text: 'mosquito bites spread the coronavirus, close your windows' },
  { id: 'chatter:1', claim: null, kind: 'chatter', text: 'good morning everyone' },
  { id: 'chatter:2', claim: null, kind: 'chatter', text: 'who is bringing snacks on friday' },
].map((m) => ({ ...m, lang: 'en' }));

const set = join(root, 'chat-sample');
mkdirSync(set);
const jsonl = (rows: readonly object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
writeFileSync(join(set, 'claims.jsonl'), jsonl(CLAIMS));
writeFileSync(join(set, 'queries.jsonl'), jsonl(MESSAGES.filter((m) => m.kind === 'spread').map((m) => ({ post_id: m.id, text: m.text, claim_id: m.claim }))));
writeFileSync(join(set, 'messages.jsonl'), jsonl(MESSAGES));

describe('crossValidate', () => {
  const features = Float64Array.from({ length: FEATURE_COUNT }, (_, i) => (i % 3) / 2);
  const before = verify(features, false);
  const { chat, misses } = crossValidate(root, (debunks) => createMatcher(debunks), { folds: 2, actThreshold: 0.8, answerThreshold: 0.75 });

  it('GIVEN a set with labelled messages THEN each message is read once, by the fold that held it out', () => {
    expect(chat).toHaveLength(1);
    expect(chat[0]).toMatchObject({ dataset: 'chat-sample (cv 2)', lang: 'en', spread: 4, questions: 1, refutes: 1, quiet: 3 });
  });

  it('GIVEN the folds scored THEN every miss is a labelled message, named with what went wrong', () => {
    const ids = new Set(MESSAGES.map((m) => m.id));
    for (const miss of misses) {
      expect(ids.has(miss.id ?? '')).toBe(true);
      expect(miss.dataset).toBe('chat-sample (cv 2)');
      expect(miss.problem).toMatch(/^(spread read as|acted on|not acted on|question struck|answered with|not answered|refutation)/);
    }
  });

  it('GIVEN the folds scored THEN the committed verifier weights are in place again', () => {
    expect(verify(features, false)).toBe(before);
  });
});
