import { z } from 'zod';
import type { DataPath } from './parseSource.js';

/**
 * Suffix for an unknown field's message: ` (did you mean "variants"?)` when a known field is a
 * likely typo away, else nothing. Typos and singular/plural slips are the usual cause.
 */
export function didYouMean(name: string, schema: z.ZodType, path: DataPath): string {
  const best = closest(name, fieldsAt(schema, path));
  return best === undefined ? '' : ` (did you mean "${best}"?)`;
}

/** Field names the schema allows for the mapping at `path`. */
export function fieldsAt(schema: z.ZodType, path: DataPath): string[] {
  let current: z.ZodType[] = [schema];
  for (const seg of path) current = current.flatMap((s) => child(unwrap(s), seg));
  return [...new Set(current.flatMap((s) => objectKeys(unwrap(s))))];
}

function child(s: z.ZodType, seg: string | number): z.ZodType[] {
  if (s instanceof z.ZodUnion) return (s.options as z.ZodType[]).flatMap((o) => child(unwrap(o), seg));
  if (s instanceof z.ZodArray && typeof seg === 'number') return [s.element as z.ZodType];
  if (s instanceof z.ZodObject && typeof seg === 'string') {
    const field = (s.shape as Record<string, z.ZodType>)[seg];
    return field ? [field] : [];
  }
  return [];
}

function objectKeys(s: z.ZodType): string[] {
  if (s instanceof z.ZodUnion) return (s.options as z.ZodType[]).flatMap((o) => objectKeys(unwrap(o)));
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

function unwrap(s: z.ZodType): z.ZodType {
  let inner = s;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType;
  return inner;
}

/**
 * The nearest candidate, ignoring case, if it is at most one edit per three letters (and at most
 * two) away: close enough for "varaints" or "source", not so loose that "x" suggests "id".
 */
function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.floor(name.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

/** Levenshtein distance, with a swap of two neighbours counted as one edit ("varaints"). */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}
