import { describe, expect, it } from 'vitest';
import { AlertThrottle, type ThrottledAlert } from '../../src/alerts/alertThrottle.js';
import { FakeClock } from '../outbox/fakeClock.js';

const MIN = 60_000;

function setup(options: { windowMs?: number; maxKeys?: number } = {}) {
  const clock = new FakeClock();
  const delivered: ThrottledAlert<string>[] = [];
  const throttle = new AlertThrottle<string, number>({ deliver: (a) => delivered.push(a), clock, windowMs: 10 * MIN, ...options });
  return { clock, delivered, throttle };
}

describe('AlertThrottle', () => {
  it('GIVEN a first alert for a key THEN it is delivered at once, and its delivery\'s result is reported', async () => {
    const { delivered, throttle } = setup();
    const pushed = throttle.push('g1:5g', 'alice');
    expect(pushed.held).toBe(false);
    expect(delivered).toEqual([{ kind: 'first', key: 'g1:5g', alert: 'alice' }]);
    // What the delivery returned (here: how many were delivered) is reported for the first alert.
    expect(await (pushed.held ? undefined : pushed.delivered)).toBe(1);
  });

  it('GIVEN more alerts for the key inside the window THEN one digest at the window end counts them and names the latest', async () => {
    const { clock, delivered, throttle } = setup();
    throttle.push('g1:5g', 'a');
    await clock.advance(1 * MIN);
    expect(throttle.push('g1:5g', 'b')).toEqual({ held: true });
    expect(throttle.push('g1:5g', 'c')).toEqual({ held: true });
    expect(delivered).toHaveLength(1);
    await clock.advance(9 * MIN - 1);
    expect(delivered).toHaveLength(1);
    await clock.advance(1);
    expect(delivered[1]).toEqual({ kind: 'digest', key: 'g1:5g', count: 2, latest: 'c', since: 0 });
  });

  it('GIVEN a rumor that keeps spreading THEN one digest per window, never one alert per message', async () => {
    const { clock, delivered, throttle } = setup();
    for (let i = 0; i < 300; i++) {
      throttle.push('g1:5g', `m${i}`);
      await clock.advance(MIN / 10); // 300 alerts over 30 minutes
    }
    await clock.advance(20 * MIN);
    const digests = delivered.filter((d) => d.kind === 'digest');
    expect(delivered[0]?.kind).toBe('first');
    expect(digests.length).toBe(3);
    expect(digests.reduce((n, d) => n + (d.kind === 'digest' ? d.count : 0), 0)).toBe(299);
  });

  it('GIVEN different keys THEN each gets its own first alert', () => {
    const { delivered, throttle } = setup();
    throttle.push('g1:5g', 'a');
    throttle.push('g2:5g', 'b');
    throttle.push('g1:garlic', 'c');
    expect(delivered.map((d) => d.key)).toEqual(['g1:5g', 'g2:5g', 'g1:garlic']);
  });

  it('GIVEN a quiet window has passed THEN the next alert is delivered at once again', async () => {
    const { clock, delivered, throttle } = setup();
    throttle.push('k', 'a');
    await clock.advance(10 * MIN);
    expect(throttle.push('k', 'b').held).toBe(false);
    expect(delivered.map((d) => d.kind)).toEqual(['first', 'first']);
  });

  it('GIVEN more keys than maxKeys THEN memory stays bounded and the evicted key’s digest is delivered early', () => {
    const { delivered, throttle } = setup({ maxKeys: 3 });
    throttle.push('k0', 'a');
    throttle.push('k0', 'a2');
    for (let i = 1; i <= 5; i++) throttle.push(`k${i}`, 'x');
    expect(throttle.size).toBe(3);
    expect(delivered).toContainEqual({ kind: 'digest', key: 'k0', count: 1, latest: 'a2', since: 0 });
  });

  it('GIVEN pending digests WHEN flushed THEN they are delivered and nothing stays', () => {
    const { delivered, throttle } = setup();
    throttle.push('k', 'a');
    throttle.push('k', 'b');
    throttle.flush();
    expect(delivered.at(-1)).toMatchObject({ kind: 'digest', count: 1 });
    expect(throttle.size).toBe(0);
  });
});
