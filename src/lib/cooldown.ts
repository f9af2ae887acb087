/** How often a chat may get a pointer (or a soft reply) about the same rumor: a flood gets one, not one each. */
export const QUIET_REPLY_INTERVAL_MS = 60_000;

/**
 * At most one go per key in a window: "a pointer to the same refutation at most once a minute
 * in a chat". Memory stays bounded: past `maxKeys` the oldest key is forgotten.
 */
export class Cooldown {
  private readonly last = new Map<string, number>();

  /**
   * @param windowMs how long a key stays taken
   * @param now the clock; tests pass a fake one
   * @param maxKeys keys remembered at once. @defaultValue 10_000
   */
  constructor(
    private readonly windowMs: number,
    private readonly now: () => number,
    private readonly maxKeys = 10_000,
  ) {}

  /** True (and the key is taken) unless the key was taken less than a window ago. */
  take(key: string): boolean {
    const now = this.now();
    const at = this.last.get(key);
    if (at !== undefined && now - at < this.windowMs) return false;
    this.last.delete(key); // re-insert: Map order is age order for eviction
    if (this.last.size >= this.maxKeys) this.last.delete(this.last.keys().next().value!);
    this.last.set(key, now);
    return true;
  }

  get size(): number {
    return this.last.size;
  }
}
