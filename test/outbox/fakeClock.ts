import type { CancelTimer, Clock } from '../../src/outbox/clock.js';

interface FakeTimer {
  readonly at: number;
  readonly seq: number;
  readonly fn: () => void;
  cancelled: boolean;
}

/** Lets pending promise callbacks run (one macrotask turn); moves no time. */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Time moves only when the test advances it; due timers fire in time order, then creation order. */
export class FakeClock implements Clock {
  private time = 0;
  private seq = 0;
  private timers: FakeTimer[] = [];

  now(): number {
    return this.time;
  }

  setTimer(fn: () => void, ms: number): CancelTimer {
    const timer: FakeTimer = { at: this.time + Math.max(0, ms), seq: this.seq++, fn, cancelled: false };
    this.timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  }

  /** Moves time forward by `ms`, firing each due timer at its own time and settling promises after each. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    await settle();
    for (let timer = this.nextDue(end); timer; timer = this.nextDue(end)) {
      this.time = timer.at;
      timer.fn();
      await settle();
    }
    this.time = end;
    await settle();
  }

  /** Fires timers until none is left; refuses to run past `limitMs` of fake time (a runaway loop). */
  async runAll(limitMs = 24 * 60 * 60_000): Promise<void> {
    const end = this.time + limitMs;
    await settle();
    for (let timer = this.nextDue(Number.POSITIVE_INFINITY); timer; timer = this.nextDue(Number.POSITIVE_INFINITY)) {
      if (timer.at > end) throw new Error(`timers still pending after ${limitMs} ms of fake time`);
      this.time = timer.at;
      timer.fn();
      await settle();
    }
  }

  private nextDue(end: number): FakeTimer | undefined {
    this.timers = this.timers.filter((timer) => !timer.cancelled);
    let next: FakeTimer | undefined;
    for (const timer of this.timers) {
      if (timer.at <= end && (!next || timer.at < next.at || (timer.at === next.at && timer.seq < next.seq))) next = timer;
    }
    if (next) this.timers.splice(this.timers.indexOf(next), 1);
    return next;
  }
}
