import { createHash } from 'node:crypto';

/** Longest slug made from a claim's words; ids may be 80 characters, and a suffix may follow. */
const MAX_SLUG_LENGTH = 60;

/** A letter of any script but Latin: Chinese, Cyrillic, Arabic… have no ASCII words to make a slug of. */
const NON_LATIN_LETTER = /(?=\p{L})\P{Script=Latin}/u;

/**
 * A stable id for an entry imported without one, so importing the same feed twice yields the same
 * ids (and the second import is refused as a duplicate). A claim in Latin letters gives its
 * lowercase ASCII words joined by "-" ("5G towers spread…" → `5g-towers-spread…`); a claim with
 * letters of another script (Chinese, Cyrillic…), or without words, gives the language and a
 * prefix of its hash (`zh-3f2a9c1b`).
 */
export function claimId(claim: string, lang: string | undefined): string {
  const trimmed = claim.trim().normalize('NFC');
  if (!NON_LATIN_LETTER.test(trimmed)) {
    // NFKD splits "é" into "e" and an accent; dropping the accent keeps "guérit" one word.
    const words = trimmed.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().match(/[a-z0-9]+/g) ?? [];
    let slug = '';
    for (const word of words) {
      const next = slug === '' ? word.slice(0, MAX_SLUG_LENGTH) : `${slug}-${word}`;
      if (next.length > MAX_SLUG_LENGTH) break;
      slug = next;
    }
    if (slug !== '') return slug;
  }
  const primary = lang?.split('-')[0]?.toLowerCase();
  const prefix = primary !== undefined && /^[a-z]{2,3}$/.test(primary) ? primary : 'claim';
  return `${prefix}-${createHash('sha256').update(trimmed).digest('hex').slice(0, 8)}`;
}

/** `id`, or `id-2`, `id-3`… : the first that is not taken yet. */
export function unusedId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  for (let n = 2; ; n++) if (!taken.has(`${id}-${n}`)) return `${id}-${n}`;
}
