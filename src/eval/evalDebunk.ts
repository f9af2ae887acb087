import type { Debunk } from '../debunks/schema.js';

/** What an evaluation set tells about one claim. */
export interface EvalClaim {
  id: string;
  claim: string;
  /** Other wordings of the claim (a fact-check's headline, ...). */
  variants: readonly string[];
  /** The fact-checker's text, or the best stand-in the set has. */
  refutation: string;
  sourceTitle: string;
  /** Where the debunk was published; a publisher's home page when the set has no link. */
  sourceUrl: string;
  lang: string;
}

/**
 * Fills the fields an evaluation set lacks with fixed values, so claims can be indexed like any
 * database entry. Built as a typed object rather than through `DebunkSchema.parse`: real sets hold
 * claims longer than the 500 characters authors are held to, and evaluation must not drop them.
 */
export function toEvalDebunk(claim: EvalClaim): Debunk {
  const text = claim.claim.trim();
  const variants = [...new Set(claim.variants.map((v) => v.trim()))].filter((v) => v !== '' && v !== text);
  return {
    id: claim.id,
    claim: text,
    variants,
    verdict: 'false',
    refutation: claim.refutation.trim() || text,
    sources: [{ title: claim.sourceTitle.trim() || text, url: claim.sourceUrl }],
    tags: [],
    severity: 'medium',
    lang: claim.lang,
    // The sets carry no publication dates; any fixed date will do, since nothing here expires.
    published: '2020-01-01',
    example: false,
  };
}
