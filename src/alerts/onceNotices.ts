import { randomUUID } from 'node:crypto';
import type { KeyValueStore } from '../store/keyValueStore.js';
import { storeKey } from '../store/storeKey.js';

/** A problem is told again after this long if it is still there. */
export const NOTICE_INTERVAL_MS = 24 * 3_600_000;
/** Problems remembered in this process at once; the oldest is forgotten first (the store still knows it). */
const MAX_REMEMBERED = 10_000;

/**
 * Tells the owners about a lasting problem (the bot lacks a right in a group) once a day at most,
 * instead of on every message it spoils. Remembered in the shared store, so neither several bot
 * processes nor a restart repeat the notice; forgotten as soon as the problem is gone.
 */
export class OnceNotices {
  /** When each problem was last told from this process: closes the race of two failures at once. */
  private readonly told = new Map<string, number>();

  /**
   * @param prefix namespaces the store keys per platform, e.g. `tg` or `dc`
   * @param now the clock; tests pass a fake one. @defaultValue Date.now
   */
  constructor(
    private readonly store: KeyValueStore,
    private readonly prefix: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs `notify` unless this problem of this group was told within the interval; true when it ran. */
  async tell(group: string, problem: string, notify: () => Promise<void>): Promise<boolean> {
    const key = this.key(group, problem);
    const now = this.now();
    const at = this.told.get(key);
    if (at !== undefined && now - at < NOTICE_INTERVAL_MS) return false;
    this.remember(key, now);
    // Claimed atomically: of several processes failing at once, the one whose mark is stored tells.
    const mark = `${now}:${randomUUID()}`;
    const stored = await this.store.update<boolean | string>(key, (current) => current ?? mark, NOTICE_INTERVAL_MS);
    if (stored !== mark) return false;
    await notify();
    return true;
  }

  /** The problem is gone (the action worked): a later failure is news again. */
  async solved(group: string, problem: string): Promise<void> {
    const key = this.key(group, problem);
    if (!this.told.delete(key)) return;
    await this.store.delete(key);
  }

  /** Problems remembered in this process (bounded). */
  get size(): number {
    return this.told.size;
  }

  private remember(key: string, at: number): void {
    this.told.delete(key);
    if (this.told.size >= MAX_REMEMBERED) this.told.delete(this.told.keys().next().value!);
    this.told.set(key, at);
  }

  private key(group: string, problem: string): string {
    return storeKey(this.prefix, 'notice', group, problem);
  }
}
