/** For each term id in the message, the token positions where it occurs. */
export interface TermPositions {
  get(term: number): readonly number[] | undefined;
  has(term: number): boolean;
  /** Number of distinct terms. */
  readonly size: number;
}

/**
 * TermPositions in an open-addressing table sized for one message. Stage 2 looks terms up a few
 * hundred times per message (every term of every candidate phrase, and their neighbours); an
 * inlined probe of a small typed array costs a fraction of a Map lookup.
 */
export class PositionTable implements TermPositions {
  /** The distinct terms in the order they were first added. */
  readonly terms: number[] = [];
  /** term + 1 per slot (0 = empty), and where that term's positions are in `lists`. */
  private readonly keys: Int32Array;
  private readonly slots: Int32Array;
  private readonly lists: number[][] = [];
  private readonly mask: number;

  /** `maxTerms`: the most distinct terms that will be added; the table keeps a free slot beyond. */
  constructor(maxTerms: number) {
    let size = 16;
    while (size <= maxTerms * 2) size *= 2;
    this.keys = new Int32Array(size);
    this.slots = new Int32Array(size);
    this.mask = size - 1;
  }

  get size(): number {
    return this.terms.length;
  }

  private slotOf(term: number): number {
    // Fibonacci hashing: term ids are dense, so neighbouring ids must not crowd neighbouring slots.
    let h = Math.imul(term, 0x9e3779b1) >>> 16;
    for (;;) {
      h &= this.mask;
      const key = this.keys[h]!;
      if (key === 0 || key === term + 1) return h;
      h++;
    }
  }

  get(term: number): readonly number[] | undefined {
    const h = this.slotOf(term);
    return this.keys[h] === 0 ? undefined : this.lists[this.slots[h]!];
  }

  has(term: number): boolean {
    return this.keys[this.slotOf(term)] !== 0;
  }

  /**
   * Records that `term` occurs at token `at`. Positions added in increasing order need no
   * `once`; a later pass that may repeat one sets it.
   */
  add(term: number, at: number, once = false): void {
    const h = this.slotOf(term);
    if (this.keys[h] === 0) {
      this.keys[h] = term + 1;
      this.slots[h] = this.lists.length;
      this.lists.push([at]);
      this.terms.push(term);
      return;
    }
    const list = this.lists[this.slots[h]!]!;
    if (!once || !list.includes(at)) list.push(at);
  }
}
