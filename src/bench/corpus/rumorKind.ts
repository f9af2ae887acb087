import type { Random } from './random.js';

/** Draws one value for a slot of a rumor template. */
export type SlotSource = (rng: Random) => string;

/**
 * One family of rumors ("miracle cure", "contaminated food"): slots filled once per rumor, and several
 * phrasings (frames) of the same content, so a rumor's variants say the same thing in other words.
 */
export interface RumorKind {
  name: string;
  tags: readonly string[];
  slots: Readonly<Record<string, SlotSource>>;
  /** Phrasings with `{slot}` placeholders; the first choice is random, the rest become variants. */
  frames: readonly string[];
  /** What a fact-checker would answer, with the same placeholders. */
  refutation: string;
  /** Headline of the fact-check article. */
  headline: string;
}

/** A slot drawn from a word list. */
export const list =
  (items: readonly string[]): SlotSource =>
  (rng) =>
    rng.pick(items);

/** A slot holding a whole number in [min, max]. */
export const num =
  (min: number, max: number): SlotSource =>
  (rng) =>
    String(rng.int(min, max));

/** Draws every slot of a kind once. */
export function drawSlots(kind: RumorKind, rng: Random): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [slot, source] of Object.entries(kind.slots)) values[slot] = source(rng);
  return values;
}

/** Replaces `{slot}` placeholders; an unknown slot is a bug in the vocabulary, so it throws. */
export function fill(frame: string, values: Readonly<Record<string, string>>): string {
  const text = frame.replace(/\{(\w+)\}/g, (_, slot: string) => {
    const value = values[slot];
    if (value === undefined) throw new Error(`frame "${frame}" uses unknown slot {${slot}}`);
    return value;
  });
  return text.charAt(0).toUpperCase() + text.slice(1);
}
