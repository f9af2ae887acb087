/** For each term id in the message, the token positions where it occurs. */
export interface TermPositions {
  get(term: number): readonly number[] | undefined;
  has(term: number): boolean;
  /** Number of distinct terms. */
  readonly size: number;
}

/** Slots a table starts with: room for the few known terms of most chat messages. */
const INITIAL_SLOTS = 16;

/**
 * TermPositions in an open-addressing table for one message. Stage 2 looks terms up a few
 * hundred times per message (every term of every candidate phrase, and their neighbours); an
 * inlined probe of a small typed array costs a fraction of a Map lookup.
 */
export class PositionTable implements TermPositions {
  /** The distinct terms in the order they were first added. */
  readonly terms: number[] = [];
  /**
   * Per slot h: entries[2h] is term + 1 (0 = empty) and entries[2h + 1] where that term's
   * positions are in `lists` (also its index in `terms`); one array, so a probe reads one cache
   * line and a message allocates one small buffer.
   */
  private entries: Int32Array;
  private readonly lists: number[][] = [];
  private mask: number;

  /** `expected`: about how many distinct terms will be added (a message's tokens), so the table rarely grows. */
  constructor(expected = 0) {
    let slots = INITIAL_SLOTS;
    while (slots < expected) slots *= 2;
    this.entries = new Int32Array(2 * slots);
    this.mask = slots - 1;
  }

  get size(): number {
    return this.terms.length;
  }

  /** Index in `entries` of the term's slot, or of the empty slot where it would go. */
  private entryOf(term: number): number {
    // Fibonacci hashing: term ids are dense, so neighbouring ids must not crowd neighbouring slots.
    let h = Math.imul(term, 0x9e3779b1) >>> 16;
    for (;;) {
      h &= this.mask;
      const key = this.entries[2 * h]!;
      if (key === 0 || key === term + 1) return 2 * h;
      h++;
    }
  }

  /** Doubles the slots once half are taken, so probes stay short and a free slot always remains. */
  private grow(): void {
    const slots = 2 * (this.mask + 1);
    this.entries = new Int32Array(2 * slots);
    this.mask = slots - 1;
    this.terms.forEach((term, i) => {
      const e = this.entryOf(term);
      this.entries[e] = term + 1;
      this.entries[e + 1] = i;
    });
  }

  get(term: number): readonly number[] | undefined {
    const e = this.entryOf(term);
    return this.entries[e] === 0 ? undefined : this.lists[this.entries[e + 1]!];
  }

  has(term: number): boolean {
    return this.entries[this.entryOf(term)] !== 0;
  }

  /**
   * Records that `term` occurs at token `at`. Positions added in increasing order need no
   * `once`; a later pass that may repeat one sets it.
   */
  add(term: number, at: number, once = false): void {
    const e = this.entryOf(term);
    if (this.entries[e] === 0) {
      this.entries[e] = term + 1;
      this.entries[e + 1] = this.lists.length;
      this.lists.push([at]);
      this.terms.push(term);
      if (2 * this.terms.length > this.mask + 1) this.grow();
      return;
    }
    const list = this.lists[this.entries[e + 1]!]!;
    if (!once || !list.includes(at)) list.push(at);
  }
}
