/**
 * A cache keyed by a stretch of a text, looked up without cutting the stretch out: per message the
 * tokenizer looks up every word it reads, and a Map needs each as a fresh string, which it then
 * hashes and compares (most of the cost of reading a word). Here the caller hashes the units as it
 * scans them (`hashUnit`), and a lookup compares the stored key with the text in place. Open
 * addressing, at most half full; emptied when `limit` keys are stored, so memory stays bounded
 * whatever is read.
 */
export class TextKeyTable<V> {
  private keys: (string | undefined)[] = [];
  private values: (V | undefined)[] = [];
  private mask = 0;
  private size = 0;

  constructor(private readonly limit: number) {
    this.clear();
  }

  /** The value stored for `text[start, end)` (hashed to `hash` by hashUnit), or undefined. */
  get(text: string, start: number, end: number, hash: number): V | undefined {
    const slot = this.slotOf(text, start, end, hash);
    return this.keys[slot] === undefined ? undefined : this.values[slot];
  }

  /** The value stored for `text[start, end)` followed by `text[start2, end2)`, or undefined. */
  getJoined(text: string, start: number, end: number, start2: number, end2: number): V | undefined {
    const hash = hashUnits(text, start2, end2, hashUnits(text, start, end, EMPTY_HASH));
    const length = end - start;
    const length2 = end2 - start2;
    for (let slot = spread(hash) & this.mask; ; slot = (slot + 1) & this.mask) {
      const key = this.keys[slot];
      if (key === undefined) return undefined;
      if (key.length === length + length2 && sameUnits(key, 0, length, text, start) && sameUnits(key, length, length2, text, start2)) return this.values[slot];
    }
  }

  /** Stores `value` for `key`, which must not be stored yet. */
  set(key: string, value: V): void {
    if (this.size >= this.limit) this.clear();
    else if (2 * (this.size + 1) > this.mask + 1) this.grow();
    this.put(key, value);
    this.size++;
  }

  /** Empties the table, back to its first size. */
  clear(): void {
    this.resize(INITIAL_SLOTS);
    this.size = 0;
  }

  private put(key: string, value: V): void {
    const slot = this.slotOf(key, 0, key.length, hashUnits(key, 0, key.length, EMPTY_HASH));
    this.keys[slot] = key;
    this.values[slot] = value;
  }

  /** The same keys in twice the slots. */
  private grow(): void {
    const { keys, values } = this;
    this.resize(2 * (this.mask + 1));
    for (let slot = 0; slot < keys.length; slot++) if (keys[slot] !== undefined) this.put(keys[slot]!, values[slot]!);
  }

  private resize(slots: number): void {
    this.keys = new Array<string | undefined>(slots).fill(undefined);
    this.values = new Array<V | undefined>(slots).fill(undefined);
    this.mask = slots - 1;
  }

  /** The slot holding the key `text[start, end)`, or the empty slot where it would go. */
  private slotOf(text: string, start: number, end: number, hash: number): number {
    const length = end - start;
    for (let slot = spread(hash) & this.mask; ; slot = (slot + 1) & this.mask) {
      const key = this.keys[slot];
      if (key === undefined) return slot;
      if (key.length === length && sameUnits(key, 0, length, text, start)) return slot;
    }
  }
}

/** Slots of an empty table. */
const INITIAL_SLOTS = 64;

/** The hash of no units: the start of a hash built by hashUnit. */
export const EMPTY_HASH = 0x811c9dc5;

/** The hash of the units hashed into `hash` followed by `unit` (FNV-1a over UTF-16 units). */
export const hashUnit = (hash: number, unit: number): number => Math.imul(hash ^ unit, 0x01000193);

/** `hash` with the units of `text[start, end)` hashed in, in order. */
function hashUnits(text: string, start: number, end: number, hash: number): number {
  for (let k = start; k < end; k++) hash = hashUnit(hash, text.charCodeAt(k));
  return hash;
}

/** FNV-1a's low bits are weak: fold the high ones in before masking. */
const spread = (hash: number): number => hash ^ (hash >>> 15);

/** Whether `text` from `start` on holds the `length` units of `key` from `from` on. */
function sameUnits(key: string, from: number, length: number, text: string, start: number): boolean {
  for (let k = 0; k < length; k++) if (key.charCodeAt(from + k) !== text.charCodeAt(start + k)) return false;
  return true;
}
