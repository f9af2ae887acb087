import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ledgerToCsv } from '../../src/ledger/export/toCsv.js';
import { ledgerToJson } from '../../src/ledger/export/toJson.js';
import { ledgerToMarkdown } from '../../src/ledger/export/toMarkdown.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { memoryLedgerBackend } from '../../src/ledger/ledgerBackend.js';
import type { LedgerEntry } from '../../src/ledger/ledgerEntry.js';
import { verifyChain } from '../../src/ledger/verifyChain.js';
import { adminAction, incident, steppingClock } from './fixtures.js';

/** A small month in a group: two members, three rumors, one refuter, one admin change. */
async function month(): Promise<LedgerEntry[]> {
  const backend = memoryLedgerBackend();
  // Each append is 1 s after the last, starting 5 s after the first message.
  const ledger = new Ledger(backend, steppingClock());
  await ledger.append(incident({ messageId: '1' }));
  await ledger.append(
    incident({
      messageId: '2',
      member: { id: 'u2', name: '=HYPERLINK("http://evil")|<b>Bob</b>' },
      strikes: 2,
      actions: [
        { type: 'reply_refutation', detail: 'strike 2', done: true },
        { type: 'warn', detail: 'strike 2', done: true },
        { type: 'mute', detail: 'strike 2', done: false, withheldBecause: 'action_disabled', durationMs: 3_600_000 },
      ],
    }),
  );
  await ledger.append(incident({ messageId: '3', member: { id: 'u2', name: 'Bob' }, debunkId: 'hot-water', strikes: 3, actions: [{ type: 'mute', detail: 'strike 3', done: true, durationMs: 3_600_000 }, { type: 'pointer', detail: 'strike 3', done: true }] }));
  await ledger.append(incident({ messageId: '4', member: { id: 'u3', name: 'Carol' }, refuting: true, actions: [] }));
  await ledger.append(adminAction({ action: 'pardon', detail: 'pardoned u2 (3 strikes)' }));
  return backend.read('g');
}

describe('ledger export: json', () => {
  it('GIVEN a json export THEN it holds every entry and its chain still verifies from the file alone', async () => {
    const entries = await month();
    const file = JSON.parse(ledgerToJson('g', entries)) as { format: string; entries: LedgerEntry[] };
    expect(file.format).toBe('rumorguard-ledger-v1');
    expect(verifyChain('g', file.entries)).toMatchObject({ ok: true, entries: 5 });
  });
});

describe('ledger export: csv', () => {
  it('GIVEN a csv export THEN one row per entry with hashes AND no cell can run as a formula', async () => {
    const entries = await month();
    const rows = parse(ledgerToCsv(entries), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => r.type)).toEqual(['incident', 'incident', 'incident', 'incident', 'admin']);
    expect(rows[1]).toMatchObject({ member_id: 'u2', actions_done: 'reply_refutation warn', actions_withheld: 'mute', strikes: '2' });
    expect(rows[1]?.member_name?.startsWith("'=")).toBe(true);
    expect(rows[4]).toMatchObject({ admin_action: 'pardon', by: 'Owner (o1)', hash: entries[4]!.hash });
  });
});

describe('ledger export: the owner\'s management report (md)', () => {
  it('GIVEN a month THEN totals, rumors, members, response time and admin actions are stated', async () => {
    const entries = await month();
    const md = ledgerToMarkdown(entries, {
      groupId: 'g',
      since: new Date('2026-03-01'),
      until: new Date('2026-04-01'),
      check: verifyChain('g', entries),
    });
    expect(md).toContain('# RumorGuard management report: group g');
    expect(md).toContain('Period: 2026-03-01 to 2026-04-01. 5 ledger entries in this period.');
    expect(md).toMatch(/Ledger chain verified: 5 entries, none edited, missing, reordered or forked/);
    expect(md).toContain('| Messages repeating a known rumor | 3 |');
    expect(md).toContain('| Messages refuting a rumor (never punished) | 1 |');
    expect(md).toContain('| Refutations posted | 2 |');
    expect(md).toContain('| Warnings | 1 |');
    expect(md).toContain('| Mutes | 1 |');
    expect(md).toContain('| Admin actions | 1 |');
    expect(md).toContain('| 5g-spreads-coronavirus | 3 | 3 | 2 |');
    expect(md).toContain('| hot-water | 1 | 1 | 1 |');
    // Refutations appended 6 s and 7 s after messages sent at 10:00:00.
    expect(md).toContain('2 refutations: median 6.5 s, slowest 7 s');
    expect(md).toMatch(/\| Owner \(o1\) \| pardon \| pardoned u2 \(3 strikes\) \|/);
  });

  it('GIVEN a member name with table and HTML syntax THEN it cannot break the report\'s tables', async () => {
    const entries = await month();
    const md = ledgerToMarkdown(entries, { groupId: 'g', check: verifyChain('g', entries) });
    const row = md.split('\n').find((l) => l.includes('HYPERLINK'))!;
    expect(row).toContain('\\|\\<b\\>Bob\\</b\\>');
    expect(row.split(/(?<!\\)\|/)).toHaveLength(7);
  });

  it('GIVEN a chain that fails verification THEN the report says so at the top', async () => {
    const entries = (await month()).filter((e) => e.seq !== 2);
    const md = ledgerToMarkdown(entries, { groupId: 'g', check: verifyChain('g', entries) });
    expect(md).toContain('**Ledger chain FAILED verification at entry 2: entries are missing before this one (sequence numbers skip).**');
  });
});
