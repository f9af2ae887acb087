import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCheckedDataset } from '../../src/eval/readCheckedDataset.js';
import { readClefDataset } from '../../src/eval/readClefDataset.js';
import { chatMisses, scoreChat, type ChatReading } from '../../src/eval/scoreChat.js';
import type { LabelledMessage } from '../../src/eval/types.js';

const msg = (kind: LabelledMessage['kind'], claim: string | null, lang = 'en'): LabelledMessage => ({ id: `${kind}-${Math.random()}`, text: 'x', kind, claim, lang });
const read = (m: LabelledMessage, debunkId: string | undefined, score: number, stance: ChatReading['stance']): ChatReading => ({
  message: m,
  top: debunkId === undefined ? undefined : { debunkId, score },
  stance,
});

describe('scoreChat', () => {
  it('GIVEN readings of every kind THEN the shares follow strike = act on spread, reply = act on spread or question', () => {
    const readings = [
      read(msg('spread', 'c1'), 'c1', 0.9, 'spread'), // acts right
      read(msg('spread', 'c1'), 'c2', 0.9, 'spread'), // acts wrong
      read(msg('spread', 'c1'), 'c1', 0.5, 'refute'), // below, read as refuting
      read(msg('question', 'c1'), 'c1', 0.9, 'question'), // answered
      read(msg('question', 'c1'), 'c1', 0.9, 'spread'), // strike
      read(msg('refute', 'c1'), 'c1', 0.9, 'refute'), // no strike, no reply
      read(msg('refute', 'c1'), 'c1', 0.9, 'question'), // no strike, reply
      read(msg('neg', 'c1'), 'c1', 0.9, 'spread'), // false act
      read(msg('chatter', null), undefined, 0, 'spread'),
      read(msg('spread', 'z1', 'zh'), 'z1', 0.95, 'spread'),
    ];
    const [en, zh] = scoreChat('set', readings, 0.8);
    expect(en).toMatchObject({
      dataset: 'set', lang: 'en', spread: 3, spreadActs: 1 / 3, spreadRefuting: 1 / 3, questions: 2, questionsAnswered: 0.5,
      questionsNoStrike: 0.5, refutes: 2, refutesNoStrike: 1, refutesNoReply: 0.5, quiet: 2, quietActs: 0.5,
    });
    expect(zh).toMatchObject({ lang: 'zh', spread: 1, spreadActs: 1 });
    expect(Number.isNaN(zh!.questionsAnswered)).toBe(true);
    expect(chatMisses('set', readings, 0.8).map((m) => [m.kind, m.problem])).toEqual([
      ['spread', 'acted on with another claim'],
      ['spread', 'spread read as refute'],
      ['question', 'question struck'],
      ['refute', 'refutation replied to'],
      ['neg', 'acted on'],
    ]);
  });
});

describe('reading labelled messages and CLEF negatives', () => {
  it('GIVEN messages.jsonl with a bad line and claims with lang THEN messages are read, the bad line reported', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rg-chat-'));
    writeFileSync(join(dir, 'claims.jsonl'), '{"claim_id":"a","claim":"Bananas carry bacteria","debunk":"","lang":"en"}\n{"claim_id":"b","claim":"喝热水杀病毒","debunk":""}\n');
    writeFileSync(join(dir, 'queries.jsonl'), '{"post_id":"q1","text":"bananas have bacteria","claim_id":"a"}\n');
    writeFileSync(
      join(dir, 'messages.jsonl'),
      [
        '{"id":"m1","claim":"a","lang":"en","kind":"question","text":"do bananas carry bacteria?"}',
        '{"id":"m2","claim":null,"lang":"en","kind":"chatter","text":"lunch?"}',
        '{"id":"m3","claim":"zz","lang":"en","kind":"spread","text":"x"}',
      ].join('\n'),
    );
    const { value, problems } = readCheckedDataset(dir);
    expect(value.debunks.map((d) => [d.id, d.lang])).toEqual([['a', 'en'], ['b', 'zh']]);
    expect(value.messages?.map((m) => [m.id, m.kind, m.claim])).toEqual([['m1', 'question', 'a'], ['m2', 'chatter', null]]);
    expect(problems.map((p) => [p.line, p.message])).toEqual([[3, 'claim zz is not in claims.jsonl']]);
  });

  it('GIVEN a CLEF folder with negatives.txt THEN its lines are the negatives', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rg-clef-'));
    writeFileSync(join(dir, 'verified_claims.docs.tsv'), 'vclaim_id\tvclaim\ttitle\n1\tSharks swim on highways\tShark highway\n');
    writeFileSync(join(dir, 'negatives.txt'), 'stay safe everyone\n\nwash your hands\n');
    expect(readClefDataset(dir).value.negatives).toEqual(['stay safe everyone', 'wash your hands']);
  });
});
