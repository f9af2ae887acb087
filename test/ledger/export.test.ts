import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { checkpointsIn } from '../../src/ledger/checkpoints/checkpointsIn.js';
import { signCheckpoint, signingKey, type SignedCheckpoint } from '../../src/ledger/checkpoints/signedCheckpoint.js';
import { exportLedger } from '../../src/ledger/export/exportLedger.js';
import { managementReport, managementReportFile } from '../../src/ledger/export/managementReport.js';
import { textCollector } from '../../src/ledger/export/textSink.js';
import { ledgerToCsv } from '../../src/ledger/export/toCsv.js';
import { ledgerToJson } from '../../src/ledger/export/toJson.js';
import { ledgerToMarkdown } from '../../src/ledger/export/toMarkdown.js';
import { messageHash } from '../../src/ledger/incidentRecord.js';
import { sqliteLedgerBackend } from '../../src/ledger/backends/sqliteLedgerBackend.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { memoryLedgerBackend } from '../../src/ledger/ledgerBackend.js';
import type { LedgerEntry } from '../../src/ledger/ledgerEntry.js';
import { verifyChain } from '../../src/ledger/verifyChain.js';
import { adminAction, incident, outcome, steppingClock } from './fixtures.js';

/**
 * A small month in a group: two members, three rumors, one refuter, one admin change. Outcomes
 * follow their incidents: one refutation sent, one folded into a newer one, a mute the platform
 * refused, one warning with no outcome recorded (the bot stopped).
 */
async function month(): Promise<LedgerEntry[]> {
  const backend = memoryLedgerBackend();
  // Each append is 1 s after the last, starting 5 s after the first message.
  const ledger = new Ledger(backend, steppingClock());
  await ledger.append(incident({ recordId: 'i1', messageId: '1' }));
  await ledger.append(outcome('i1', [{ type: 'reply_refutation', status: 'done', at: '2026-03-01T10:00:06.000Z' }], { messageId: '1' }));
  await ledger.append(
    incident({
      recordId: 'i2',
      messageId: '2',
      member: { id: 'u2', name: '=HYPERLINK("http://evil")|<b>Bob</b>' },
      strikes: 2,
      actions: [
        { type: 'reply_refutation', detail: 'strike 2', status: 'planned' },
        { type: 'warn', detail: 'strike 2', status: 'planned' },
        { type: 'mute', detail: 'strike 2', status: 'withheld', withheldBecause: 'action_disabled', durationMs: 3_600_000 },
      ],
    }),
  );
  await ledger.append(
    incident({
      recordId: 'i3',
      messageId: '3',
      member: { id: 'u2', name: 'Bob' },
      debunkId: 'hot-water',
      strikes: 3,
      actions: [
        { type: 'mute', detail: 'strike 3', status: 'planned', durationMs: 3_600_000 },
        { type: 'reply_refutation', detail: 'strike 3', status: 'planned' },
      ],
    }),
  );
  await ledger.append(
    outcome(
      'i2',
      [
        { type: 'reply_refutation', status: 'skipped', reason: 'merged', at: '2026-03-01T10:00:09.000Z' },
        { type: 'warn', status: 'done', at: '2026-03-01T10:00:09.000Z' },
      ],
      { messageId: '2' },
    ),
  );
  await ledger.append(
    outcome(
      'i3',
      [
        { type: 'mute', status: 'failed', error: '400: Bad Request: not enough rights to restrict/unrestrict chat member', at: '2026-03-01T10:00:10.000Z' },
        { type: 'reply_refutation', status: 'done', at: '2026-03-01T10:00:07.000Z' },
      ],
      { messageId: '3' },
    ),
  );
  await ledger.append(incident({ recordId: 'i4', messageId: '4', member: { id: 'u3', name: 'Carol' }, refuting: true, actions: [] }));
  await ledger.append(incident({ recordId: 'i5', messageId: '5', member: { id: 'u3', name: 'Carol' }, actions: [{ type: 'warn', detail: 'strike 1', status: 'planned' }] }));
  await ledger.append(adminAction({ action: 'pardon', detail: 'pardoned u2 (3 strikes)' }));
  return backend.read('g');
}

describe('ledger export: json', () => {
  it('GIVEN a json export THEN it holds every entry and its chain still verifies from the file alone', async () => {
    const entries = await month();
    const file = JSON.parse(ledgerToJson('g', entries)) as { format: string; entries: LedgerEntry[] };
    expect(file.format).toBe('rumorguard-ledger-v1');
    expect(verifyChain('g', file.entries)).toMatchObject({ ok: true, entries: 9 });
  });
});

describe('ledger export: csv', () => {
  it('GIVEN a csv export THEN one row per entry with hashes AND no cell can run as a formula', async () => {
    const entries = await month();
    const rows = parse(ledgerToCsv(entries), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(9);
    expect(rows.map((r) => r.type)).toEqual(['incident', 'outcome', 'incident', 'incident', 'outcome', 'outcome', 'incident', 'incident', 'admin']);
    // Counted by what happened: the refutation was folded into another reply, the mute withheld.
    expect(rows[2]).toMatchObject({ member_id: 'u2', actions_done: 'warn', actions_skipped: 'reply_refutation(merged)', actions_withheld: 'mute(action_disabled)', strikes: '2' });
    expect(rows[3]).toMatchObject({ actions_done: 'reply_refutation', actions_failed: expect.stringContaining('mute(400: Bad Request') });
    expect(rows[7]).toMatchObject({ actions_done: '', actions_pending: 'warn' });
    expect(rows[1]).toMatchObject({ incident_id: 'i1', detail: 'reply_refutation: done' });
    expect(rows[2]?.member_name?.startsWith("'=")).toBe(true);
    expect(rows[8]).toMatchObject({ admin_action: 'pardon', by: 'Owner (o1)', hash: entries[8]!.hash });
  });
});

describe('ledger export: the owner\'s management report (md)', () => {
  it('GIVEN a member who asked whether a rumor is true THEN the totals count the question apart from the messages repeating rumors', async () => {
    const backend = memoryLedgerBackend();
    const ledger = new Ledger(backend, steppingClock());
    await ledger.append(incident({ recordId: 'q1', messageId: '1', stance: 'spread' }));
    await ledger.append(incident({ recordId: 'q2', messageId: '2', stance: 'question', strikes: 0 }));
    await ledger.append(incident({ recordId: 'q3', messageId: '3', stance: 'refute', refuting: true, strikes: 0, actions: [] }));
    // A record written before stances were kept counts as repeating, as it did.
    await ledger.append(incident({ recordId: 'q4', messageId: '4' }));
    const entries = await backend.read('g');
    const md = ledgerToMarkdown(entries, { groupId: 'g', check: verifyChain('g', entries) });
    expect(md).toContain('| Messages repeating a known rumor (acted on) | 2 |');
    expect(md).toContain('| Messages asking whether a known rumor is true (answered, never punished) | 1 |');
    expect(md).toContain('| Messages refuting a rumor (never punished) | 1 |');
  });

  it('GIVEN a match logged only and a warning withheld by the settings THEN the totals tell the match apart and the members table lists the withheld warning, in words', async () => {
    // QA: chatter logged at 0.50 counted among "messages repeating a known rumor"; a member whose
    // warnings were withheld (observe mode) was not listed; rows said "withheld (action_disabled)".
    const backend = memoryLedgerBackend();
    const ledger = new Ledger(backend, steppingClock());
    await ledger.append(incident({ recordId: 'l1', messageId: '1', stance: 'spread', score: 0.5, strikes: 0, actions: [] }));
    await ledger.append(
      incident({
        recordId: 'w1',
        messageId: '2',
        stance: 'spread',
        member: { id: 'u2', name: 'Zed' },
        strikes: 2,
        actions: [
          { type: 'reply_refutation', detail: 'strike 2', status: 'withheld', withheldBecause: 'observe_mode' },
          { type: 'warn', detail: 'strike 2', status: 'withheld', withheldBecause: 'action_disabled' },
        ],
      }),
    );
    const entries = await backend.read('g');
    const md = ledgerToMarkdown(entries, { groupId: 'g', check: verifyChain('g', entries) });
    expect(md).toContain('| Messages repeating a known rumor (acted on) | 1 |');
    expect(md).toContain('| Matches on which nothing was done (below the threshold that applied, or answered moments before): logged only | 1 |');
    expect(md).toContain('| Zed | u2 | 0 | 0 | 1 | 2 |');
    expect(md).toContain('refutation: withheld (observe mode); warning: withheld (not enabled for the group)');
    expect(md).toMatch(/\| 1 \| [^\n]*\| logged only \|/);
  });

  it('GIVEN a match an admin later overturned as not a rumor THEN its row says so and the totals and rumors count it apart, streamed and in memory alike', async () => {
    // Regression: an accepted "not a rumor" left its incident an ordinary spread in every export.
    const backend = memoryLedgerBackend();
    const ledger = new Ledger(backend, steppingClock());
    await ledger.append(incident({ recordId: 'o1', messageId: '1', stance: 'spread' }));
    await ledger.append(incident({ recordId: 'o2', messageId: '2', stance: 'spread', member: { id: 'u2', name: 'Bob' } }));
    await ledger.append(
      adminAction({ action: 'accept', detail: 'accepted "not a rumor" ab12 on 1 message(s)', overturns: [{ messageId: '1', debunkId: '5g-spreads-coronavirus' }] }),
    );
    const entries = await backend.read('g');
    const streamed = textCollector();
    await exportLedger(ledger, 'g', { format: 'md', worker: false }, streamed.sink);
    for (const md of [ledgerToMarkdown(entries, { groupId: 'g', check: verifyChain('g', entries) }), streamed.text()]) {
      expect(md).toContain('| Messages repeating a known rumor (acted on) | 1 |');
      expect(md).toContain("| Matches the admins overturned as not a rumor (the bot's mistakes; strikes withdrawn) | 1 |");
      expect(md).toContain('| 5g-spreads-coronavirus | 1 | 1 |');
      expect(md).toMatch(/\| 1 \| [^|]+ \| Alice \| .*overturned as not a rumor by Owner, 2026-03-01 10:00 \|/);
      expect(md).not.toMatch(/\| 2 \| [^|]+ \| Bob \| .*overturned/);
    }
    const csv = textCollector();
    await exportLedger(ledger, 'g', { format: 'csv', worker: false }, csv.sink);
    expect(csv.text()).toContain('; overturns: message 1 (5g-spreads-coronavirus)');
  });

  it('GIVEN a message an admin answered after reviewing a report THEN its row says so and the bot\'s response time leaves it out', async () => {
    // Regression (QA): it counted as the bot's slowest refutation (27 s: the admin's review).
    const backend = memoryLedgerBackend();
    const ledger = new Ledger(backend, steppingClock());
    await ledger.append(incident({ recordId: 'b1', messageId: '1' }));
    await ledger.append(outcome('b1', [{ type: 'reply_refutation', status: 'done', at: '2026-03-01T10:00:02.000Z' }], { messageId: '1' }));
    await ledger.append(incident({ recordId: 'a1', messageId: '2', by: { kind: 'admin', id: 'o1', name: 'Olivia' }, strikes: 0 }));
    await ledger.append(outcome('a1', [{ type: 'reply_refutation', status: 'done', at: '2026-03-01T10:05:00.000Z' }], { messageId: '2' }));
    const entries = await backend.read('g');
    const md = ledgerToMarkdown(entries, { groupId: 'g', check: verifyChain('g', entries) });
    expect(md).toContain('1 refutations: median 2 s, slowest 2 s');
    expect(md).toMatch(/\| 3 \| [^\n]*refutation: done; answered after review by Olivia \|/);
  });

  // QA: "owner alert: skipped (nothing to act on)" read as if there had been nothing to alert about.
  it('GIVEN an owner alert skipped for want of anywhere to send it THEN the report says no owner was reachable, in English and Chinese', async () => {
    const backend = memoryLedgerBackend();
    const ledger = new Ledger(backend, steppingClock());
    await ledger.append(incident({ recordId: 'a1', messageId: '1', strikes: 3, actions: [{ type: 'alert_owners', detail: 'strike 3', status: 'planned' }] }));
    await ledger.append(outcome('a1', [{ type: 'alert_owners', status: 'skipped', reason: 'no_target', detail: 'no alert chat linked and no owner reachable', at: '2026-03-01T10:00:06.000Z' }], { messageId: '1' }));
    const entries = await backend.read('g');
    const check = verifyChain('g', entries);
    expect(ledgerToMarkdown(entries, { groupId: 'g', check })).toContain('owner alert: skipped (no alert chat linked and no owner reachable)');
    expect(ledgerToMarkdown(entries, { groupId: 'g', check, lang: 'zh' })).toContain('未关联提醒聊天，也联系不上群主');
  });

  // QA: a message carrying three rumors was refuted for all three, and the report named only the first.
  it('GIVEN a message that carried several rumors THEN its row names each, the rumors table counts each, answered where a reply or pointer about it was done, and the csv says them in its detail', async () => {
    const backend = memoryLedgerBackend();
    const ledger = new Ledger(backend, steppingClock());
    await ledger.append(
      incident({
        recordId: 'm1',
        messageId: '1',
        debunkId: 'mosquitoes',
        also: [
          { debunkId: '5g', score: 0.91 },
          { debunkId: 'whatsapp-fee', score: 0.88 },
        ],
        actions: [
          { type: 'reply_refutation', detail: 'strike 1', status: 'planned', debunkIds: ['mosquitoes', '5g'] },
          { type: 'pointer', detail: 'strike 1', status: 'planned', debunkIds: ['whatsapp-fee'] },
        ],
      }),
    );
    await ledger.append(outcome('m1', [{ type: 'reply_refutation', status: 'done', at: '2026-03-01T10:00:06.000Z' }, { type: 'pointer', status: 'failed', error: '403', at: '2026-03-01T10:00:06.000Z' }], { messageId: '1' }));
    const entries = await backend.read('g');
    const md = ledgerToMarkdown(entries, { groupId: 'g', check: verifyChain('g', entries) });
    expect(md).toContain('| mosquitoes, 5g, whatsapp-fee | 0.97 |');
    expect(md).toContain('| mosquitoes | 1 | 1 | 1 |');
    expect(md).toContain('| 5g | 1 | 1 | 1 |');
    expect(md).toContain('| whatsapp-fee | 1 | 1 | 0 |');
    const rows = parse(ledgerToCsv(entries), { columns: true }) as Record<string, string>[];
    expect(rows[0]).toMatchObject({ debunk_id: 'mosquitoes', detail: 'also: 5g (0.91), whatsapp-fee (0.88)' });
  });

  it('GIVEN no period asked for THEN the report states the dates of its first and last entries (it said "… to …")', async () => {
    const entries = await month();
    const md = ledgerToMarkdown(entries, { groupId: 'g', check: verifyChain('g', entries) });
    const first = entries[0]!.at.slice(0, 10);
    const last = entries.at(-1)!.at.slice(0, 10);
    expect(md).toContain(`Period: ${first} to ${last} (the whole ledger). 9 ledger entries in this period.`);
  });

  it('GIVEN a month THEN totals, rumors, members, response time and admin actions are stated', async () => {
    const entries = await month();
    const md = ledgerToMarkdown(entries, {
      groupId: 'g',
      since: new Date('2026-03-01'),
      until: new Date('2026-04-01'),
      check: verifyChain('g', entries),
    });
    expect(md).toContain('# RumorGuard management report: group g');
    // The end is not included: "before" it (a bare "to 2026-04-01" read as including the 1st).
    expect(md).toContain('Period: 2026-03-01 to before 2026-04-01. 9 ledger entries in this period.');
    expect(md).toMatch(/Ledger chain verified: 9 entries, none edited, missing, reordered or forked/);
    expect(md).toContain('| Messages repeating a known rumor (acted on) | 4 |');
    expect(md).toContain('| Messages refuting a rumor (never punished) | 1 |');
    expect(md).toContain('| Admin actions | 1 |');
    // | action | done | skipped | failed | withheld | no outcome recorded |
    expect(md).toContain('| Refutations | 2 | 1 | 0 | 0 | 0 |');
    expect(md).toContain('| Warnings | 1 | 0 | 0 | 0 | 1 |');
    expect(md).toContain('| Mutes | 0 | 0 | 1 | 1 | 0 |');
    expect(md).toContain('| 5g-spreads-coronavirus | 4 | 3 | 1 |');
    expect(md).toContain('| hot-water | 1 | 1 | 1 |');
    // Refutations accepted by the platform 6 s and 7 s after messages sent at 10:00:00.
    expect(md).toContain('2 refutations: median 6.5 s, slowest 7 s');
    expect(md).toMatch(/\| Owner \(o1\) \| pardon \| pardoned u2 \(3 strikes\) \|/);
  });

  it('GIVEN a member name with table and HTML syntax THEN it cannot break the report\'s tables', async () => {
    const entries = await month();
    const md = ledgerToMarkdown(entries, { groupId: 'g', check: verifyChain('g', entries) });
    const row = md.split('\n').find((l) => l.includes('HYPERLINK'))!;
    expect(row).toContain('\\|\\<b\\>Bob\\</b\\>');
    expect(row.split(/(?<!\\)\|/)).toHaveLength(8);
  });

  it('GIVEN a member whose mute the platform refused THEN the members table lists them with the step not carried out and their most strikes', async () => {
    const backend = memoryLedgerBackend();
    const ledger = new Ledger(backend, steppingClock());
    const planned = (type: 'warn' | 'mute') => ({ type, detail: 'strike', status: 'planned' as const });
    await ledger.append(incident({ recordId: 'c1', messageId: '1', member: { id: 'u7', name: 'Carol' }, strikes: 1, actions: [] }));
    await ledger.append(incident({ recordId: 'c2', messageId: '2', member: { id: 'u7', name: 'Carol' }, strikes: 2, actions: [planned('warn')] }));
    await ledger.append({ type: 'outcome', platform: 'telegram', groupId: 'g', incidentId: 'c2', messageId: '2', actions: [{ type: 'warn', status: 'done', at: '2026-03-01T00:00:01.000Z' }], by: { kind: 'bot' } });
    await ledger.append(incident({ recordId: 'c3', messageId: '3', member: { id: 'u7', name: 'Carol' }, strikes: 3, actions: [planned('mute')] }));
    await ledger.append({ type: 'outcome', platform: 'telegram', groupId: 'g', incidentId: 'c3', messageId: '3', actions: [{ type: 'mute', status: 'failed', error: '400: user is an administrator of the chat', at: '2026-03-01T00:00:02.000Z' }], by: { kind: 'bot' } });
    const entries = await backend.read('g');
    const md = ledgerToMarkdown(entries, { groupId: 'g', check: verifyChain('g', entries) });
    expect(md).toContain('| Carol | u7 | 1 | 0 | 1 | 3 |');
  });

  // QA L13: the mutes column counted a 1-hour and a 24-hour mute together ("2").
  it('GIVEN a member muted for 1 hour and then twice for 24 hours THEN the mutes column says how many of each length, in English and Chinese', async () => {
    const backend = memoryLedgerBackend();
    const ledger = new Ledger(backend, steppingClock());
    const mute = (n: number, durationMs: number) => ({ type: 'mute' as const, detail: `strike ${n}`, status: 'planned' as const, durationMs });
    for (const [n, ms] of [[3, 3_600_000], [4, 86_400_000], [5, 86_400_000]] as const) {
      await ledger.append(incident({ recordId: `d${n}`, messageId: String(n), member: { id: 'u8', name: 'Dave' }, strikes: n, actions: [mute(n, ms)] }));
      await ledger.append(outcome(`d${n}`, [{ type: 'mute', status: 'done', at: '2026-03-01T10:00:09.000Z' }], { messageId: String(n) }));
    }
    const entries = await backend.read('g');
    const report = (lang: 'en' | 'zh') => ledgerToMarkdown(entries, { groupId: 'g', check: verifyChain('g', entries), lang });
    expect(report('en')).toContain('| member | id | warnings | mutes (by length) |');
    expect(report('en')).toContain('| Dave | u8 | 0 | 3 (1 hour: 1, 24 hours: 2) | 0 | 5 |');
    expect(report('zh')).toContain('| 成员 | ID | 警告 | 禁言（按时长） |');
    expect(report('zh')).toContain('| Dave | u8 | 0 | 3（1小时 1 次，24小时 2 次） | 0 | 5 |');
  });

  it('GIVEN a member name with a right-to-left override THEN the report shows the override as its code point instead of turning the name around', async () => {
    const backend = memoryLedgerBackend();
    const ledger = new Ledger(backend, steppingClock());
    await ledger.append(incident({ recordId: 'r1', messageId: '1', member: { id: 'u9', name: '\u202Eecila' } }));
    const entries = await backend.read('g');
    const md = ledgerToMarkdown(entries, { groupId: 'g', check: verifyChain('g', entries) });
    expect(md).not.toContain('\u202E');
    expect(md).toMatch(/\| U\+202Eecila \|/);
  });

  it('GIVEN 100,000 incidents of one rumor THEN the report is written in linear time (no quadratic grouping, no argument spread)', () => {
    const entries: LedgerEntry[] = [];
    for (let i = 1; i <= 100_000; i++) {
      entries.push({ seq: i, at: '2026-03-01T10:00:05.000Z', prev: '', hash: '', record: incident({ recordId: `r${i}`, messageId: String(i) }) });
      entries.push({ seq: i, at: '2026-03-01T10:00:06.000Z', prev: '', hash: '', record: outcome(`r${i}`, [{ type: 'reply_refutation', status: 'done', at: '2026-03-01T10:00:06.000Z' }]) });
    }
    const md = ledgerToMarkdown(entries, { groupId: 'g', check: { ok: true, entries: entries.length } });
    expect(md).toContain('| Refutations | 100000 | 0 | 0 | 0 | 0 |');
    expect(md).toContain('100000 refutations: median 6 s, slowest 6 s');
  });

  it('GIVEN a chain that fails verification THEN the report says so at the top', async () => {
    const entries = (await month()).filter((e) => e.seq !== 2);
    const md = ledgerToMarkdown(entries, { groupId: 'g', check: verifyChain('g', entries) });
    expect(md).toContain('**Ledger chain FAILED verification at entry 2: entries are missing before this one (sequence numbers skip).**');
  });
});

describe('exports carry the signed chain head', () => {
  const key = signingKey(generateKeyPairSync('ed25519').privateKey);
  async function signed(groupId = 'g') {
    const entries = await month();
    const last = entries.at(-1)!;
    const entriesOf = groupId === 'g' ? entries : [];
    return { entries: entriesOf, checkpoint: signCheckpoint({ groupId, seq: last.seq, hash: last.hash, at: '2026-03-02T00:00:00.000Z' }, key) };
  }

  it('GIVEN a json export THEN it holds the checkpoint with its public key, and verify can read it back', async () => {
    const { entries, checkpoint } = await signed();
    const text = ledgerToJson('g', entries, checkpoint);
    expect(JSON.parse(text)).toMatchObject({ checkpoint: { ...checkpoint, publicKey: key.publicKey } });
    expect(checkpointsIn('export.json', text)).toEqual({ ok: true, checkpoints: new Map([['g', checkpoint]]) });
    expect(verifyChain('g', entries, { checkpoint, trustedKey: key.publicKey })).toMatchObject({ ok: true, checkpoint: { seq: 9, keyId: key.keyId } });
  });

  it('GIVEN a csv export THEN its last row is the checkpoint, and verify can read it back', async () => {
    const { entries, checkpoint } = await signed();
    const text = ledgerToCsv(entries, checkpoint);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(10);
    expect(rows[9]).toMatchObject({ type: 'checkpoint', seq: '9', at: checkpoint.at, hash: checkpoint.hash });
    expect(checkpointsIn('export.csv', text)).toEqual({ ok: true, checkpoints: new Map([['g', checkpoint]]) });
  });

  it('GIVEN a management report THEN it prints the signed head, and verify can read it back', async () => {
    const { entries, checkpoint } = await signed();
    const md = ledgerToMarkdown(entries, { groupId: 'g', check: verifyChain('g', entries, { checkpoint }), checkpoint });
    expect(md).toContain(`It reaches the head the bot signed at 2026-03-02T00:00:00.000Z (entry 9) unchanged.`);
    expect(md).toContain('## Signed chain head');
    expect(md).toContain(`The bot signed this chain's head with its Ed25519 key ${key.keyId} at 2026-03-02T00:00:00.000Z: entry 9, hash \`${checkpoint.hash}\`.`);
    expect(checkpointsIn('report.md', md)).toEqual({ ok: true, checkpoints: new Map([['g', checkpoint]]) });
  });

  it('GIVEN no checkpoint THEN the report says the end of the chain is not covered', async () => {
    const entries = await month();
    const md = ledgerToMarkdown(entries, { groupId: 'g', check: verifyChain('g', entries) });
    expect(md).toContain('No signed checkpoint of this chain yet: entries cut off its end could not be told from a shorter chain.');
    expect(checkpointsIn('report.md', md)).toMatchObject({ ok: false, error: expect.stringMatching(/^report\.md: holds no signed checkpoint/) });
  });

  it('GIVEN a group id with backticks and markup THEN the checkpoint block cannot be broken out of, and still reads back', async () => {
    const groupId = '```\n<script>x</script>';
    const { checkpoint } = await signed(groupId);
    const md = ledgerToMarkdown([], { groupId, check: { ok: true, entries: 0 }, checkpoint });
    const block = md.slice(md.indexOf('```json'));
    expect(block.split('\n').slice(0, 3)).toEqual(['```json', expect.not.stringMatching(/[`<>]/), '```']);
    expect(checkpointsIn('report.md', md)).toEqual({ ok: true, checkpoints: new Map([[groupId, checkpoint]]) });
  });

  it('GIVEN a chain cut below its checkpoint THEN the report states the fault and the evidence at the top', async () => {
    const { checkpoint } = await signed();
    const entries = (await month()).slice(0, 7);
    const md = ledgerToMarkdown(entries, { groupId: 'g', check: verifyChain('g', entries, { checkpoint }), checkpoint });
    expect(md).toContain(
      `**Ledger chain FAILED verification at entry 8: entries are missing from the end of the chain (the chain ends at seq 7; the checkpoint signed 2026-03-02T00:00:00.000Z by key ${key.keyId} has seq 9).**`,
    );
  });
});

describe('an export that ends at a time', () => {
  it('GIVEN an incident just before --until and its outcome just after THEN the report has the outcome (not "no outcome recorded"), and nothing else past the end', async () => {
    const ledger = new Ledger(memoryLedgerBackend(), { now: steppingClock(Date.parse('2026-03-01T09:59:57.000Z')) });
    await ledger.append(incident({ recordId: 'late', messageId: '5', actions: [{ type: 'delete', detail: 'strike 3', status: 'planned' }] }));
    // The clock steps a second an entry: the incident at 09:59:58, its outcome at 09:59:59.
    await ledger.append(outcome('late', [{ type: 'delete', status: 'done', at: '2026-03-01T10:00:00.050Z' }]));
    await ledger.append(incident({ recordId: 'after', messageId: '6' }));
    const until = new Date('2026-03-01T09:59:58.500Z');
    const md = textCollector();
    await exportLedger(ledger, 'g', { format: 'md', until }, md.sink);
    expect(md.text()).toMatch(/\| deletion: done \|/);
    expect(md.text()).not.toContain('| 3 |');
    const csv = textCollector();
    await exportLedger(ledger, 'g', { format: 'csv', until }, csv.sink);
    const rows = parse(csv.text(), { columns: true, skip_empty_lines: true, comment: '#' }) as Record<string, string>[];
    expect(rows.map((r) => r.seq)).toEqual(['1', '2']);
  });
});

describe('the management report from a ledger (chat export)', () => {
  it('GIVEN kept texts and a checkpoint THEN the incidents show their text, the report its signed head', async () => {
    const backend = memoryLedgerBackend();
    const key = signingKey(generateKeyPairSync('ed25519').privateKey);
    let checkpoint: SignedCheckpoint | undefined;
    const ledger = new Ledger(backend, { now: steppingClock(), checkpoints: { latest: () => checkpoint, trustedKey: key.publicKey } });
    await ledger.append(incident({ messageHash: messageHash('5G | towers *spread* it'), messageText: '5G | towers *spread* it' }));
    await ledger.append(incident({ messageId: '2', messageHash: messageHash('gone'), messageText: 'gone' }));
    backend.kept.delete(`g\n${messageHash('gone')}`);
    // A kept text edited by hand (QA: once shown as "text purged", as if nothing had happened).
    await ledger.append(incident({ messageId: '3', messageHash: messageHash('said'), messageText: 'said' }));
    const edited = backend.kept.get(`g\n${messageHash('said')}`)!;
    backend.kept.set(`g\n${messageHash('said')}`, { ...edited, text: 'never said' });
    const head = (await backend.read('g'))[2]!;
    checkpoint = signCheckpoint({ groupId: 'g', seq: 3, hash: head.hash, at: '2026-03-02T00:00:00.000Z' }, key);
    const collected = textCollector();
    const report = await managementReport(ledger, 'g', 'en', Date.parse('2026-03-03T00:00:00.000Z'), collected.sink);
    const markdown = collected.text();
    expect(report).toEqual({ entries: 3, status: 'verified', filename: 'rumorguard-g-2026-03-03.md' });
    expect(markdown).toContain('| 5G \\| towers \\*spread\\* it |');
    expect(markdown).toContain(`(text purged; sha256 ${messageHash('gone').slice(0, 12)}…)`);
    expect(markdown).toContain(`(text altered in the store: it no longer matches its sha256 ${messageHash('said').slice(0, 12)}…)`);
    expect(markdown).not.toContain('never said');
    expect(checkpointsIn('r.md', markdown)).toEqual({ ok: true, checkpoints: new Map([['g', checkpoint]]) });
    // The chats' export streams the same report into a temporary file, removed once sent.
    const file = await managementReportFile(ledger, 'g', 'en', Date.parse('2026-03-03T00:00:00.000Z'));
    expect(readFileSync(file.path, 'utf8')).toBe(markdown);
    await file.remove();
    expect(existsSync(file.path)).toBe(false);
  });
});

describe('ledger export: incidents from pictures', () => {
  it('GIVEN an incident matched in a picture THEN csv and markdown name the picture by its sha256', async () => {
    const ledger = new Ledger(memoryLedgerBackend(), steppingClock());
    const sha = 'ab'.repeat(32);
    await ledger.append(incident({ recordId: 'p1', messageId: '7', images: { sha256: [sha], matchedIn: 'image' } }));
    const entries = await ledger.entries('g');
    const [row] = parse(ledgerToCsv(entries), { columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({ images_sha256: sha, matched_in: 'image' });
    expect(ledgerToMarkdown(entries, { groupId: 'g', check: verifyChain('g', entries) })).toContain(`(matched in a picture, sha256 ${sha.slice(0, 12)}…)`);
  });
});

describe('the json export streamed from a ledger', () => {
  it('GIVEN kept texts, a repeated text, a purged one, no entries, and a checkpoint THEN the text is ledgerToJson\'s', async () => {
    const backend = memoryLedgerBackend();
    const ledger = new Ledger(backend, steppingClock());
    const key = signingKey(generateKeyPairSync('ed25519').privateKey);
    for (const [i, text] of ['said once', 'said twice', 'said twice', 'gone'].entries()) {
      await ledger.append(incident({ messageId: String(i), messageHash: messageHash(text), messageText: text }));
    }
    backend.kept.delete(`g\n${messageHash('gone')}`);
    const head = (await backend.read('g')).at(-1)!;
    const checkpoint = signCheckpoint({ groupId: 'g', seq: head.seq, hash: head.hash, at: '2026-03-02T00:00:00.000Z' }, key);
    for (const [group, signed] of [['g', checkpoint], ['g', undefined], ['empty', undefined]] as const) {
      const out = textCollector();
      await exportLedger(ledger, group, { format: 'json', ...(signed ? { checkpoint: signed } : {}) }, out.sink);
      expect(out.text()).toBe(ledgerToJson(group, await ledger.entries(group), signed));
    }
  });
});

describe('the md export streamed from a SQLite ledger that was edited', () => {
  it('GIVEN an entry whose stored text was changed by hand THEN the report, verified in the pass that writes it, names the edit', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rg-export-edit-'));
    const file = path.join(dir, 'ledger.sqlite');
    try {
      const backend = await sqliteLedgerBackend(file);
      const ledger = new Ledger(backend, steppingClock());
      for (let i = 0; i < 3; i++) await ledger.append(incident({ recordId: `i${i}`, messageId: String(i) }));
      const clean = textCollector();
      await exportLedger(ledger, 'g', { format: 'md' }, clean.sink);
      expect(clean.text()).toMatch(/Ledger chain verified: 3 entries/);
      await backend.close();
      // Someone renames the member of entry 2 in the database, keeping its hash.
      const db = new sqlite3.Database(file);
      await new Promise<void>((resolve, reject) =>
        db.run(`UPDATE rumorguard_ledger SET entry = replace(entry, '"name":"Alice"', '"name":"Mallory"') WHERE seq = 2`, (e) => (e ? reject(e) : resolve())),
      );
      await new Promise<void>((resolve) => db.close(() => resolve()));
      const reopened = await sqliteLedgerBackend(file);
      const edited = textCollector();
      const { check } = await exportLedger(new Ledger(reopened, steppingClock()), 'g', { format: 'md' }, edited.sink);
      await reopened.close();
      expect(check).toMatchObject({ ok: false, seq: 2, fault: 'edited' });
      expect(edited.text()).toContain('**Ledger chain FAILED verification at entry 2: the entry was changed after it was written (its hash does not match its content).**');
      expect(edited.text()).toContain('| Mallory |');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
