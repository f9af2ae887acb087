import type { Verdict } from '../debunks/schema.js';
import { VERDICTS } from '../debunks/schema.js';
import { ratingVerdict } from '../debunks/import/ratingVerdict.js';

/** `/rg accept <id> [here] [new] | <verdict> | <refutation> | <source url> [| <claim>]`, taken apart. */
export type AcceptCommand =
  | { ok: true; id: string; here: boolean; fresh: boolean; debunk?: { verdict: string; refutation: string; url: string; claim?: string } }
  | { ok: false; id?: string };

/**
 * Reads the text after `/rg accept` (or `reject`). Parts are separated by `|`, so a refutation may
 * hold spaces; `here` after the id keeps the new debunk to this group, `new` makes one though the
 * message already matches a known rumor (see Review.acceptReport). The verdict may be one of
 * VERDICTS or a fact-checker's rating word ("Mostly False", "Pants on Fire").
 */
export function parseAccept(rest: string): AcceptCommand {
  const [head = '', ...parts] = rest.split('|').map((p) => p.trim());
  const [id, ...flags] = head.split(/\s+/).filter(Boolean);
  if (!id || flags.length > 2 || new Set(flags).size < flags.length || flags.some((f) => f !== 'here' && f !== 'new')) return { ok: false, ...(id ? { id } : {}) };
  const here = flags.includes('here');
  const fresh = flags.includes('new');
  if (parts.length === 0) return { ok: true, id, here, fresh };
  const [verdict = '', refutation = '', url = '', claim] = parts;
  if (parts.length > 4) return { ok: false, id };
  return { ok: true, id, here, fresh, debunk: { verdict, refutation, url, ...(claim ? { claim } : {}) } };
}

/** A verdict as written by an admin: the database's own word, or a rating word that means one. */
export function verdictOf(word: string): Verdict | undefined {
  const lower = word.trim().toLowerCase();
  if ((VERDICTS as readonly string[]).includes(lower)) return lower as Verdict;
  return ratingVerdict(word);
}
