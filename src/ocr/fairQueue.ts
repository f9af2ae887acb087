/**
 * Work waiting per group, bounded per group and in all, taken in turn across groups: a group
 * that sends fifty pictures waits behind its own, never in front of another group's one.
 */
export class FairQueue<T> {
  private readonly waiting = new Map<string, T[]>();
  /** Waiting or running, per group. */
  private readonly pending = new Map<string, number>();
  private total = 0;
  /** Groups with work waiting, in the order they are served. */
  private readonly turn: string[] = [];

  constructor(
    private readonly perGroup: number,
    private readonly inAll: number,
  ) {}

  /** Adds work, or false when the group (or everyone) already has as much pending as allowed. */
  offer(group: string, item: T): boolean {
    const pending = this.pending.get(group) ?? 0;
    if (pending >= this.perGroup || this.total >= this.inAll) return false;
    this.pending.set(group, pending + 1);
    this.total += 1;
    const queue = this.waiting.get(group);
    if (queue) queue.push(item);
    else {
      this.waiting.set(group, [item]);
      this.turn.push(group);
    }
    return true;
  }

  /** The next group's oldest work; it stays pending until `done(group)`. */
  take(): { group: string; item: T } | undefined {
    const group = this.turn.shift();
    if (group === undefined) return undefined;
    const queue = this.waiting.get(group)!;
    const item = queue.shift()!;
    if (queue.length > 0) this.turn.push(group);
    else this.waiting.delete(group);
    return { group, item };
  }

  done(group: string): void {
    const pending = (this.pending.get(group) ?? 1) - 1;
    if (pending <= 0) this.pending.delete(group);
    else this.pending.set(group, pending);
    this.total -= 1;
  }

  get size(): number {
    return this.total;
  }
}
