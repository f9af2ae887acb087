import { describe, expect, it } from 'vitest';
import { SlidingWindow } from '../../src/outbox/slidingWindow.js';
import { maxInAnyWindow } from './harness.js';

describe('SlidingWindow', () => {
  it.each([
    { given: 'no events', events: [], now: 0, allows: true, nextFreeAt: 0 },
    { given: 'fewer events than the limit', events: [0, 10], now: 10, allows: true, nextFreeAt: 10 },
    { given: 'the limit reached', events: [0, 10, 20], now: 20, allows: false, nextFreeAt: 100 },
    { given: 'the oldest event one window ago', events: [0, 10, 20], now: 100, allows: true, nextFreeAt: 100 },
    { given: 'the oldest event just inside the window', events: [0, 10, 20], now: 99, allows: false, nextFreeAt: 100 },
  ])('GIVEN $given (limit 3 per 100 ms) THEN allows is $allows and the next free time is $nextFreeAt', ({ events, now, allows, nextFreeAt }) => {
    const window = new SlidingWindow(3, 100);
    for (const at of events) window.record(at);
    expect(window.allows(now)).toBe(allows);
    expect(window.nextFreeAt(now)).toBe(nextFreeAt);
  });

  it('GIVEN events long past THEN the window is idle', () => {
    const window = new SlidingWindow(3, 100);
    window.record(0);
    expect(window.isIdle(50)).toBe(false);
    expect(window.isIdle(100)).toBe(true);
  });
});

describe('maxInAnyWindow (the test oracle)', () => {
  it.each([
    { given: 'no times', times: [], max: 0 },
    { given: 'times one window apart', times: [0, 100, 200], max: 1 },
    { given: 'times just inside a window', times: [0, 99, 100], max: 2 },
    { given: 'a burst', times: [5, 5, 5, 300], max: 3 },
  ])('GIVEN $given THEN the max in any 100 ms is $max', ({ times, max }) => {
    expect(maxInAnyWindow(times, 100)).toBe(max);
  });
});
