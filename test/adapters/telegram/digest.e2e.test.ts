import { afterEach, describe, expect, it } from 'vitest';
import { DigestScheduler } from '../../../src/digest/digestScheduler.js';
import { TEXT } from '../../engine/harness.js';
import { ALICE, type BotHarness, GROUP, GROUP_ID, OWNER, startBot } from './botHarness.js';

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const DAY = 86_400_000;

describe('Telegram: the weekly digest', () => {
  it('GIVEN the owner opted in with /rg digest on THEN a week later the owner gets one digest privately (incidents, rumors, answer speed, reports, chain head), ledgered; not before, not twice', { timeout: 30_000 }, async () => {
    h = await startBot();
    await h.fake.sendCommand(OWNER.id, OWNER.id, '/start');
    await h.fake.sendCommand(GROUP.id, OWNER.id, '/rg digest on');
    await h.fake.sendMessage(GROUP.id, ALICE.id, TEXT.fiveG);
    await h.adapter.idle();
    // The schedule counts from opting in: a week after that, the digest covers that week.
    // Telegram dates messages to the second: the opt-in is moved a minute back, before the rumor.
    let since = 0;
    await h.store.update<Record<string, { since: number }>>('digest-subscriptions', (subs) =>
      Object.fromEntries(Object.entries(subs!).map(([k, v]) => [k, { ...v, since: (since = v.since - 60_000) }])),
    );
    let t = since;
    const scheduler = new DigestScheduler({ store: h.store, ledger: h.ledger, engine: h.engine, ports: h.moderator.reviewPorts, sink: { record: (r) => h!.moderator.recordAction(r.platform, r.groupId, r.type === 'admin' ? r.by : { kind: 'bot' }, 'digest', r.type === 'admin' ? r.detail : '') as never }, now: () => t });
    expect(await scheduler.tick()).toEqual([]);
    h.sentTo(OWNER.id);
    t += 6 * DAY;
    expect(await scheduler.tick()).toEqual([]);
    t = since + 7 * DAY;
    expect(await scheduler.tick()).toEqual([`telegram:${GROUP_ID}`]);
    await h.adapter.idle();
    const [digest] = h.sentTo(OWNER.id);
    expect(digest?.text).toMatch(/^RumorGuard weekly digest for -1001000000001/);
    expect(digest?.text).toContain('Incidents: 1 messages repeated a known rumor (1 member(s)).');
    expect(digest?.text).toContain('5g-spreads-coronavirus ×1');
    expect(digest?.text).toMatch(/Answered: 1 refutation\(s\); median/);
    expect(digest?.text).toContain('Chain head: seq');
    expect(await scheduler.tick()).toEqual([]);
    const records = await h.records();
    expect(records.filter((r) => r.type === 'admin').map((r) => r.type === 'admin' && [r.action, r.detail])).toEqual([
      ['digest', 'weekly digest to owners on'],
      ['digest', 'weekly digest sent to the owners'],
    ]);
  });
});
