import type { KeyValueStore } from '../store/keyValueStore.js';
import { storeKey } from '../store/storeKey.js';

/** A problem is told again after this long if it is still there. */
export const NOTICE_INTERVAL_MS = 24 * 3_600_000;

/**
 * Tells the owners about a lasting problem (the bot lacks a right in a group) once, instead of
 * on every message it spoils. Remembered in the shared store, so neither several bot processes
 * nor a restart repeat the notice; forgotten as soon as the problem is gone.
 */
export class OnceNotices {
  private readonly told = new Set<string>();

  /** @param prefix namespaces the store keys per platform, e.g. `tg` or `dc` */
  constructor(
    private readonly store: KeyValueStore,
    private readonly prefix: string,
  ) {}

  /** Runs `notify` unless this problem of this group was told within the interval; true when it ran. */
  async tell(group: string, problem: string, notify: () => Promise<void>): Promise<boolean> {
    const key = this.key(group, problem);
    // The in-process set closes the race between two messages failing at once.
    if (this.told.has(key)) return false;
    this.told.add(key);
    if (await this.store.get<boolean>(key)) return false;
    await this.store.set(key, true, NOTICE_INTERVAL_MS);
    await notify();
    return true;
  }

  /** The problem is gone (the action worked): a later failure is news again. */
  async solved(group: string, problem: string): Promise<void> {
    const key = this.key(group, problem);
    if (!this.told.delete(key)) return;
    await this.store.delete(key);
  }

  private key(group: string, problem: string): string {
    return storeKey(this.prefix, 'notice', group, problem);
  }
}
