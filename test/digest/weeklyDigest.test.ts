import { describe, expect, it } from 'vitest';
import { weeklyDigest } from '../../src/digest/weeklyDigest.js';
import type { LedgerEntry } from '../../src/ledger/ledgerEntry.js';
import type { LedgerRecord } from '../../src/ledger/ledgerRecord.js';

const NOW = Date.UTC(2026, 2, 8, 12);
const DAY = 86_400_000;
let seq = 0;
const entry = (at: number, record: LedgerRecord): LedgerEntry => ({ seq: ++seq, at: new Date(at).toISOString(), record, prev: 'p', hash: `h${seq}` });
const incident = (at: number, debunkId: string, member: string, recordId: string): LedgerRecord => ({
  type: 'incident',
  recordId,
  platform: 't',
  groupId: 'g',
  messageId: recordId,
  member: { id: member, name: member },
  debunkId,
  score: 1,
  refuting: false,
  messageAt: new Date(at).toISOString(),
  strikes: 1,
  actions: [{ type: 'reply_refutation', detail: '', status: 'planned' }],
  by: { kind: 'bot' },
});
const outcome = (at: number, incidentId: string): LedgerRecord => ({ type: 'outcome', platform: 't', groupId: 'g', incidentId, messageId: incidentId, actions: [{ type: 'reply_refutation', at: new Date(at).toISOString(), status: 'done' }], by: { kind: 'bot' } });
const admin = (action: string, detail: string): LedgerRecord => ({ type: 'admin', platform: 't', groupId: 'g', by: { kind: 'admin', id: 'o', name: 'O' }, action, detail });

describe('weeklyDigest', () => {
  it('GIVEN a week of incidents, answers and reviews THEN the digest counts only that week, with the median answer time and the signed head', () => {
    const old = NOW - 10 * DAY;
    const entries = [
      entry(old, incident(old, 'water', 'a', 'i0')),
      entry(NOW - 2 * DAY, incident(NOW - 2 * DAY, 'water', 'a', 'i1')),
      entry(NOW - 2 * DAY + 2000, outcome(NOW - 2 * DAY + 2000, 'i1')),
      entry(NOW - DAY, incident(NOW - DAY, 'water', 'b', 'i2')),
      entry(NOW - DAY + 4000, outcome(NOW - DAY + 4000, 'i2')),
      entry(NOW - DAY, incident(NOW - DAY, '5g', 'b', 'i3')),
      entry(NOW - DAY + 6000, outcome(NOW - DAY + 6000, 'i3')),
      entry(NOW - 3 * DAY, admin('accept', 'accepted report x (1 report(s) by r; 1 message(s)) as new debunk water (false) for all groups; answering 1 message(s)')),
      entry(NOW - 3 * DAY, admin('reject', 'rejected report y')),
    ];
    const text = weeklyDigest(entries, {
      groupTitle: 'Town news',
      lang: 'en',
      now: NOW,
      checkpoint: { groupId: 'g', seq: 9, hash: 'abc', at: '2026-03-08T11:00:00.000Z', signature: 'SIG', publicKey: 'PK', keyId: 'k1' },
      claimOf: (id) => (id === 'water' ? 'The water is poisoned' : undefined),
    });
    expect(text.split('\n')).toEqual([
      'RumorGuard weekly digest for Town news, 2026-03-01 to 2026-03-08',
      '',
      'Incidents: 3 messages repeated a known rumor (2 member(s)).',
      'Rumors that reached the group:',
      '  • water ×2: The water is poisoned',
      '  • 5g ×1',
      'Answered: 3 refutation(s); median 4 s from message to refutation, slowest 6 s.',
      'Member reports and disputes handled: 1 accepted, 1 rejected; 1 new debunk(s) written from reports.',
      '',
      'Signed chain head: seq 9, sha256 abc, signed 2026-03-08T11:00:00.000Z by key k1; signature SIG',
    ]);
  });

  it('GIVEN a quiet week in Chinese THEN it says so', () => {
    const text = weeklyDigest([], { groupTitle: '群', lang: 'zh', now: NOW });
    expect(text).toContain('本周没有已知谣言在群内出现。');
    expect(text).toContain('账本中还没有本群的记录。');
  });

  it('GIVEN only the week\'s entries and the chain\'s last entry apart (how the scheduler reads them) THEN the unsigned head is the chain\'s', () => {
    const text = weeklyDigest([], { groupTitle: 'g', lang: 'en', now: NOW, last: { seq: 41, hash: 'fed' } });
    expect(text.split('\n').at(-1)).toBe('Chain head: seq 41, sha256 fed (not signed yet).');
  });
});
