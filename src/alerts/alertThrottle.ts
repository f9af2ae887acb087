import { type CancelTimer, type Clock, realClock } from '../outbox/clock.js';

/** What reaches the owners: the first alert of a window as it is, the rest of it as one digest. */
export type ThrottledAlert<T> =
  | { readonly kind: 'first'; readonly key: string; readonly alert: T }
  | {
      readonly kind: 'digest';
      readonly key: string;
      /** Alerts held back during the window. */
      readonly count: number;
      /** The latest of them (its member, score and strikes are the freshest). */
      readonly latest: T;
      /** When the window began, ms since the epoch. */
      readonly since: number;
    };

/** What `push` did: delivered the alert now (its delivery's result to come), or held it for the digest. */
export type PushResult<R> = { readonly held: true } | { readonly held: false; readonly delivered: Promise<R | undefined> };

export interface AlertThrottleOptions<T, R = void> {
  /**
   * Hands an alert or digest to the platform (usually through the outbox). It may be async (it
   * looks up where the alert goes); `settled()` waits for it, and a rejection goes to `onError`.
   * Its result (e.g. whether the alert reached anyone) is what `push` reports for a first alert.
   */
  deliver: (alert: ThrottledAlert<T>) => R | Promise<R>;
  /**
   * Called when `deliver` rejects.
   * @defaultValue does nothing
   */
  onError?: (error: unknown) => void;
  /**
   * One alert per key in this window; what follows inside it becomes one digest at its end.
   * @defaultValue 10 minutes
   */
  windowMs?: number;
  /**
   * Keys remembered at once: alerts on ever new rumors cannot grow memory without bound. The
   * oldest key gives way (its digest, if any, is delivered early).
   * @defaultValue 10_000
   */
  maxKeys?: number;
  /** @defaultValue real time */
  clock?: Clock;
}

export const DEFAULT_ALERT_THROTTLE = {
  windowMs: 10 * 60_000,
  maxKeys: 10_000,
  clock: realClock,
  onError: () => undefined,
} as const satisfies Required<Omit<AlertThrottleOptions<unknown, unknown>, 'deliver'>>;

interface Window<T> {
  since: number;
  held: number;
  latest?: T;
  cancel?: CancelTimer;
}

/**
 * Deduplicates owner alerts per key (group and rumor): owners hear about a rumor at once, then
 * get one digest per window while it keeps spreading, instead of one alert per message.
 */
export class AlertThrottle<T, R = void> {
  private readonly windows = new Map<string, Window<T>>();
  private readonly windowMs: number;
  private readonly maxKeys: number;
  private readonly clock: Clock;
  private readonly delivering = new Set<Promise<unknown>>();

  constructor(private readonly options: AlertThrottleOptions<T, R>) {
    this.windowMs = options.windowMs ?? DEFAULT_ALERT_THROTTLE.windowMs;
    this.maxKeys = options.maxKeys ?? DEFAULT_ALERT_THROTTLE.maxKeys;
    this.clock = options.clock ?? DEFAULT_ALERT_THROTTLE.clock;
  }

  /** Delivers the alert now, or holds it for the window's digest. */
  push(key: string, alert: T): PushResult<R> {
    let open = this.windows.get(key);
    if (open && open.held === 0 && this.clock.now() - open.since >= this.windowMs) {
      this.windows.delete(key);
      open = undefined;
    }
    if (open) {
      open.held += 1;
      open.latest = alert;
      open.cancel ??= this.clock.setTimer(() => this.closeWindow(key), open.since + this.windowMs - this.clock.now());
      return { held: true };
    }
    if (this.windows.size >= this.maxKeys) this.evictOldest();
    this.windows.set(key, { since: this.clock.now(), held: 0 });
    // Without held alerts the window needs no timer: the next alert after it simply opens anew.
    return { held: false, delivered: this.deliver({ kind: 'first', key, alert }) };
  }

  /** Keys with an open window (for tests and memory checks). */
  get size(): number {
    return this.expire();
  }

  /** Resolves when every alert and digest handed over so far has been delivered (or failed). */
  async settled(): Promise<void> {
    while (this.delivering.size > 0) await Promise.all(this.delivering);
  }

  /**
   * Hands over synchronously; an async `deliver` is tracked for `settled()`. Resolves with its
   * result, or undefined when it failed (the error went to `onError`).
   */
  private deliver(alert: ThrottledAlert<T>): Promise<R | undefined> {
    const onError = this.options.onError ?? DEFAULT_ALERT_THROTTLE.onError;
    let result: R | Promise<R>;
    try {
      result = this.options.deliver(alert);
    } catch (error) {
      onError(error);
      return Promise.resolve(undefined);
    }
    if (!(result instanceof Promise)) return Promise.resolve(result);
    const delivery: Promise<R | undefined> = result
      .catch((error: unknown) => {
        onError(error);
        return undefined;
      })
      .finally(() => this.delivering.delete(delivery));
    this.delivering.add(delivery);
    return delivery;
  }

  /** Delivers every pending digest now and forgets all windows (on shutdown). */
  flush(): void {
    for (const key of [...this.windows.keys()]) this.closeWindow(key, false);
  }

  private closeWindow(key: string, reopen = true): void {
    const window = this.windows.get(key);
    if (!window) return;
    window.cancel?.();
    this.windows.delete(key);
    if (window.held === 0 || window.latest === undefined) return;
    void this.deliver({ kind: 'digest', key, count: window.held, latest: window.latest, since: window.since });
    // A rumor still spreading keeps one digest per window: the digest opens the next window.
    if (reopen) this.windows.set(key, { since: this.clock.now(), held: 0 });
  }

  private evictOldest(): void {
    this.expire();
    if (this.windows.size < this.maxKeys) return;
    const oldest = this.windows.keys().next().value;
    if (oldest !== undefined) this.closeWindow(oldest, false);
  }

  /** Drops windows that ended without held alerts; returns how many remain. */
  private expire(): number {
    const now = this.clock.now();
    for (const [key, window] of this.windows) {
      if (window.held === 0 && now - window.since >= this.windowMs) this.windows.delete(key);
    }
    return this.windows.size;
  }
}
