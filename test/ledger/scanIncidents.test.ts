import { describe, expect, it } from 'vitest';
import { incidentFilterOf } from '../../src/dashboard/data/incidentFilter.js';
import { OverviewTally } from '../../src/dashboard/data/overviewStats.js';
import type { Engine } from '../../src/engine/engine.js';
import { OUTCOME_WINDOW } from '../../src/ledger/export/exportRows.js';
import { incidentViews, type IncidentView } from '../../src/ledger/incidentOutcomes.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { memoryLedgerBackend } from '../../src/ledger/ledgerBackend.js';
import type { LedgerEntry } from '../../src/ledger/ledgerEntry.js';
import { NewestIncidents, scanIncidents } from '../../src/ledger/scanIncidents.js';
import { syntheticEntries } from '../probes/syntheticLedger.js';
import { adminAction, incident, outcome, steppingClock } from './fixtures.js';

// The dashboard's overview, incidents, member and queue pages read the whole chain into memory
// and joined it there: 99 s and 2.6 GB for a group of a million incidents. They now read it in
// one pass, a page at a time (scanIncidents), and keep only what they show.

const collect = () => {
  const views: IncidentView[] = [];
  return { add: (v: IncidentView) => void views.push(v), result: () => views };
};

/** `n` incidents with their outcomes, where incident 0's outcome comes last of all. */
function chainWithLateOutcome(n: number): LedgerEntry[] {
  const entries = syntheticEntries(n);
  const late = entries.splice(1, 1)[0]!;
  entries.push(late);
  return entries.map((e, i) => ({ ...e, seq: i + 1 }));
}

describe('scanIncidents', () => {
  it('GIVEN 6,000 incidents, one outcome recorded far after its incident THEN every incident comes once, in chain order, joined as incidentViews joins the whole chain', async () => {
    const entries = chainWithLateOutcome(6_000);
    expect(entries.length).toBeGreaterThan(2 * OUTCOME_WINDOW);
    const backend = memoryLedgerBackend();
    backend.entries.set('g', entries);
    const { result } = await scanIncidents(new Ledger(backend), 'g', collect);
    const whole = incidentViews(entries);
    expect(result).toHaveLength(6_000);
    expect(result).toEqual(whole);
    // The late outcome is joined: incident 0's refutation was done.
    expect(result[0]!.actions.map((a) => a.status)).toEqual(['done', 'done']);
  });

  it('GIVEN verify THEN the pass checks the chain as Ledger.verify does, a tampered entry included', async () => {
    const backend = memoryLedgerBackend();
    const ledger = new Ledger(backend, steppingClock());
    for (let i = 0; i < 30; i++) {
      await ledger.append(incident({ messageId: String(i), recordId: `i${i}` }));
      await ledger.append(outcome(`i${i}`, [{ type: 'reply_refutation', status: 'done', at: '2026-03-01T10:00:06.000Z' }]));
    }
    const good = await scanIncidents(ledger, 'g', collect, true);
    expect(good.check).toEqual(await ledger.verify('g'));
    expect(good.check?.ok).toBe(true);
    const stored = backend.entries.get('g')!;
    stored[20] = { ...stored[20]!, record: { ...stored[20]!.record, groupId: 'g', debunkId: 'edited' } as LedgerEntry['record'] };
    const tampered = await scanIncidents(ledger, 'g', collect, true);
    expect(tampered.check).toEqual(await ledger.verify('g'));
    expect(tampered.check).toMatchObject({ ok: false, fault: 'edited', seq: 21 });
  });
});

describe('scanIncidents: overturned matches', () => {
  // QA: the overview's top rumors counted a match the admins overturned as not a rumor, where the
  // report left it out: the admin record naming it comes after the incident, and the pass had
  // handed the incident on before knowing.
  it('GIVEN a match overturned by a later admin record THEN the tally sees that incident with overturnedBy, and the overview leaves it out of its rumor', async () => {
    const ledger = new Ledger(memoryLedgerBackend(), steppingClock());
    for (let i = 0; i < 3; i++) await ledger.append(incident({ messageId: String(i), recordId: `i${i}`, member: { id: `m${i}`, name: `m${i}` } }));
    await ledger.append(adminAction({ action: 'accept', detail: 'accepted "not a rumor"', overturns: [{ messageId: '1', debunkId: '5g-spreads-coronavirus' }] }));
    const { result } = await scanIncidents(ledger, 'g', collect);
    expect(result.map((v) => v.overturnedBy)).toEqual([undefined, expect.stringMatching(/^Owner, /), undefined]);
    const overview = await scanIncidents(ledger, 'g', () => new OverviewTally(Date.parse('2026-03-02T00:00:00.000Z')));
    const engine = { debunk: () => undefined, strikesOf: async () => [] } as unknown as Engine;
    expect((await overview.result.stats(engine, 'g')).topRumors).toEqual([{ debunkId: '5g-spreads-coronavirus', messages: 2, members: 2 }]);
  });
});

describe('NewestIncidents', () => {
  it('GIVEN more incidents than the limit THEN the newest come first and all that passed are counted', () => {
    const views = incidentViews(syntheticEntries(1_000));
    const tally = new NewestIncidents(7, (v) => v.entry.record.member.id === 'u3');
    for (const v of views) tally.add(v);
    const { newest, count } = tally.result();
    expect(count).toBe(views.filter((v) => v.entry.record.member.id === 'u3').length);
    expect(newest.map((v) => v.entry.record.messageId)).toEqual(['3']);
    const all = new NewestIncidents(7);
    for (const v of views) all.add(v);
    expect(all.result().newest.map((v) => v.entry.record.messageId)).toEqual(['999', '998', '997', '996', '995', '994', '993']);
    expect(all.result().count).toBe(1_000);
  });
});

describe('OverviewTally', () => {
  // Regression test (QA: the overview and the management report gave different figures).
  it('GIVEN an overturned match and a refutation posted after an admin reviewed a report THEN they are counted as the report counts them', async () => {
    const view = (messageId: string, over: Partial<IncidentView> = {}, by: IncidentView['entry']['record']['by'] = { kind: 'bot' }): IncidentView => ({
      entry: { seq: Number(messageId), at: '', prev: '', hash: '', record: incident({ messageId, member: { id: `m${messageId}`, name: `m${messageId}` }, by }) },
      actions: [{ type: 'reply_refutation', status: 'done', detail: '', settledAt: '2026-03-01T10:00:02.000Z' }],
      ...over,
    });
    const tally = new OverviewTally(Date.parse('2026-03-02T00:00:00.000Z'));
    tally.add(view('1'));
    tally.add(view('2', { overturnedBy: 'Owner, 2026-03-01 11:00' }));
    tally.add(view('3', {}, { kind: 'admin', id: 'o1', name: 'Owner' }));
    const engine = { debunk: () => undefined, strikesOf: async () => [] } as unknown as Engine;
    const stats = await tally.stats(engine, 'g');
    expect(stats.topRumors).toEqual([{ debunkId: '5g-spreads-coronavirus', messages: 2, members: 2 }]);
    expect(stats.refutations).toEqual({ count: 2, medianMs: 2000, slowestMs: 2000 });
  });

  // QA: a message that carried three rumors counted for its first only, in the report and the dashboard alike.
  it('GIVEN a message that carried several rumors THEN the overview counts it for each, and the incidents filter finds it by any of them', async () => {
    const record = incident({ debunkId: 'mosquitoes', also: [{ debunkId: '5g', score: 0.9 }] });
    const view: IncidentView = { entry: { seq: 1, at: '', prev: '', hash: '', record }, actions: [] };
    const tally = new OverviewTally(Date.parse('2026-03-02T00:00:00.000Z'));
    tally.add(view);
    const engine = { debunk: () => undefined, strikesOf: async () => [] } as unknown as Engine;
    expect((await tally.stats(engine, 'g')).topRumors.map((r) => r.debunkId).sort()).toEqual(['5g', 'mosquitoes']);
    expect(incidentFilterOf({ rumor: '5g' })(view)).toBe(true);
    expect(incidentFilterOf({ rumor: 'mosquitoes' })(view)).toBe(true);
    expect(incidentFilterOf({ rumor: 'other' })(view)).toBe(false);
  });

  it('GIVEN 150 members with strikes THEN the store is asked about the 100 who offended last, each under the name of their last incident', async () => {
    const entries: LedgerEntry[] = [];
    for (let i = 0; i < 150; i++) entries.push({ seq: i + 1, at: '', prev: '', hash: '', record: incident({ messageId: String(i), member: { id: `m${i}`, name: `old ${i}` } }) });
    // m0 offends again last, under a new name.
    entries.push({ seq: 151, at: '', prev: '', hash: '', record: incident({ messageId: '150', member: { id: 'm0', name: 'new 0' } }) });
    const asked: string[] = [];
    const engine = { debunk: () => undefined, strikesOf: async (_g: string, id: string) => (asked.push(id), [1]) } as unknown as Engine;
    const tally = new OverviewTally(Date.parse('2026-03-02T00:00:00.000Z'));
    for (const v of incidentViews(entries)) tally.add(v);
    const stats = await tally.stats(engine, 'g');
    expect(tally.count).toBe(151);
    expect(asked).toHaveLength(100);
    expect(asked[0]).toBe('m0');
    expect(asked.slice(1)).toEqual(Array.from({ length: 99 }, (_, k) => `m${149 - k}`));
    expect(stats.struck[0]).toEqual({ id: 'm0', name: 'new 0', strikes: 1 });
    expect(stats.topRumors).toEqual([{ debunkId: '5g-spreads-coronavirus', messages: 151, members: 150 }]);
  });
});
