import { describe, expect, it } from 'vitest';
import { SpreadTracker } from '../../src/alerts/spreadTracker.js';
import { memoryStore } from '../../src/store/keyvStore.js';

const RUMOR = 'URGENT: the east district water supply was poisoned last night, do not drink tap water, forward to everyone';
/** Texts that share no 3-grams to speak of. */
const distinct = (i: number) => Array.from({ length: 12 }, (_, k) => ((i * 7919 + k * 104_729) % 1_000_003).toString(36)).join(' ');
const at = (groupId: string, text = RUMOR) => ({ platform: 'telegram', groupId, text });

function setup(now = { t: Date.UTC(2026, 2, 1, 10) }) {
  const store = memoryStore();
  const alerts: string[] = [];
  const tracker = new SpreadTracker(store, async (text) => alerts.push(text), {}, () => now.t);
  return { store, alerts, tracker, now };
}

describe('SpreadTracker', () => {
  it('GIVEN the same new rumor forwarded into 3 groups THEN the operator is alerted once, with the text and where; a 4th group alerts no more', async () => {
    const { alerts, tracker, store } = setup();
    expect(await tracker.observe(at('-1'), 'forward')).toBe('counted');
    expect(await tracker.observe(at('-1', `FWD ${RUMOR}`), 'forward')).toBe('ignored');
    expect(await tracker.observe(at('-2', RUMOR.toLowerCase()), 'forward')).toBe('counted');
    expect(await tracker.observe(at('-3', `${RUMOR}!!!`), 'forward')).toBe('alerted');
    expect(await tracker.observe(at('-4'), 'forward')).toBe('counted');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain('seen in 3 group(s) within 6 h (telegram:-1, telegram:-2, telegram:-3)');
    expect(alerts[0]).toContain(`Text: ${RUMOR}!!!`);
    // Only signatures and counts are shared: the stored record holds no words of the text.
    expect(JSON.stringify(await store.get('spread'))).not.toMatch(/water|URGENT/i);
  });

  it('GIVEN forwards spread over more than 6 hours THEN they do not add up; GIVEN 5 reports in one group THEN the operator is alerted', async () => {
    const { alerts, tracker, now } = setup();
    await tracker.observe(at('-1'), 'forward');
    await tracker.observe(at('-2'), 'forward');
    now.t += 7 * 3_600_000;
    expect(await tracker.observe(at('-3'), 'forward')).toBe('counted');
    expect(alerts).toEqual([]);
    const other = 'The mayor has secretly closed every school in the city until spring, share before it is deleted';
    for (let i = 0; i < 4; i++) expect(await tracker.observe(at('-9', other), 'report')).toBe('counted');
    expect(await tracker.observe(at('-9', other), 'report')).toBe('alerted');
    expect(alerts[0]).toContain('reported 5 time(s)');
  });

  it('GIVEN short or empty texts THEN nothing is counted; GIVEN a flood of distinct forwards in one group THEN at most 20 a minute reach the shared record', async () => {
    const { tracker } = setup();
    expect(await tracker.observe(at('-1', 'ok 👍'), 'forward')).toBe('ignored');
    const outcomes = [];
    for (let i = 0; i < 30; i++) outcomes.push(await tracker.observe(at('-1', distinct(i)), 'forward'));
    expect(outcomes.filter((o) => o === 'counted')).toHaveLength(20);
  });
});
