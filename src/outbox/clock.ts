/** Cancels a timer; calling it after the timer fired does nothing. */
export type CancelTimer = () => void;

/** The time source of the outbox, injectable so tests move time themselves. */
export interface Clock {
  /** Milliseconds, monotonic enough for rate windows. */
  now(): number;
  setTimer(fn: () => void, ms: number): CancelTimer;
}

/** Wall-clock time and Node timers. */
export const realClock: Clock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};
