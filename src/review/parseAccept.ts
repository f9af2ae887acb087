import type { Verdict } from '../debunks/schema.js';
import { VERDICTS } from '../debunks/schema.js';
import { ratingVerdict } from '../debunks/import/ratingVerdict.js';

/** `/rg accept <id> [here] | <verdict> | <refutation> | <source url> [| <claim>]`, taken apart. */
export type AcceptCommand =
  | { ok: true; id: string; here: boolean; debunk?: { verdict: string; refutation: string; url: string; claim?: string } }
  | { ok: false; id?: string };

/**
 * Reads the text after `/rg accept` (or `reject`). Parts are separated by `|`, so a refutation may
 * hold spaces; `here` after the id keeps the new debunk to this group. The verdict may be one of
 * VERDICTS or a fact-checker's rating word ("Mostly False", "Pants on Fire").
 */
export function parseAccept(rest: string): AcceptCommand {
  const [head = '', ...parts] = rest.split('|').map((p) => p.trim());
  const [id, flag, ...extra] = head.split(/\s+/).filter(Boolean);
  if (!id || extra.length > 0 || (flag !== undefined && flag !== 'here')) return { ok: false, ...(id ? { id } : {}) };
  const here = flag === 'here';
  if (parts.length === 0) return { ok: true, id, here };
  const [verdict = '', refutation = '', url = '', claim] = parts;
  if (parts.length > 4) return { ok: false, id };
  return { ok: true, id, here, debunk: { verdict, refutation, url, ...(claim ? { claim } : {}) } };
}

/** A verdict as written by an admin: the database's own word, or a rating word that means one. */
export function verdictOf(word: string): Verdict | undefined {
  const lower = word.trim().toLowerCase();
  if ((VERDICTS as readonly string[]).includes(lower)) return lower as Verdict;
  return ratingVerdict(word);
}
