/**
 * At most `limit` events in any `windowMs`-long interval. An event at `t` stops counting at
 * `t + windowMs`, so two events exactly one window apart may both happen. A `limit` of Infinity
 * allows everything and remembers nothing.
 */
export class SlidingWindow {
  // Times of recent events, oldest first; never longer than `limit`.
  private readonly times: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Whether an event may happen at `now`. */
  allows(now: number): boolean {
    this.forget(now);
    return this.times.length < this.limit;
  }

  /** The earliest time at or after `now` when an event may happen. */
  nextFreeAt(now: number): number {
    this.forget(now);
    if (this.times.length < this.limit) return now;
    return (this.times[this.times.length - this.limit] ?? now) + this.windowMs;
  }

  record(now: number): void {
    if (this.limit === Number.POSITIVE_INFINITY) return;
    this.times.push(now);
    if (this.times.length > this.limit) this.times.shift();
  }

  /** Whether no event within the window is remembered (the window can be discarded). */
  isIdle(now: number): boolean {
    this.forget(now);
    return this.times.length === 0;
  }

  private forget(now: number): void {
    while (this.times.length > 0 && (this.times[0] ?? 0) + this.windowMs <= now) this.times.shift();
  }
}
