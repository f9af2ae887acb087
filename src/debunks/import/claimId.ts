import { createHash } from 'node:crypto';

/** Longest slug made from a claim's words; ids may be 80 characters, and a suffix may follow. */
const MAX_SLUG_LENGTH = 60;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * A stable id for an entry imported without one, so importing the same feed twice yields the same
 * ids (and the second import is refused as a duplicate). A claim in Latin letters gives its
 * lowercase ASCII words joined by "-" ("5G towers spread…" → `5g-towers-spread…`); a Chinese,
 * Japanese or Korean claim, or one without such words, gives the language and a hash prefix
 * (`zh-3f2a9c1b`).
 */
export function claimId(claim: string, lang: string | undefined): string {
  const trimmed = claim.trim().normalize('NFC');
  if (!CJK.test(trimmed)) {
    const words = trimmed.normalize('NFKD').toLowerCase().match(/[a-z0-9]+/g) ?? [];
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
