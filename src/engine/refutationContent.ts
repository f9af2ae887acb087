import type { Debunk } from '../debunks/schema.js';
import type { RefutationContent } from './decision.js';
import { refutationIn, type Language } from './templates.js';

/** What a refutation of this debunk says, in a language (the refutation falls back to English). */
export function refutationContent(debunk: Debunk, language: Language, stance?: string): RefutationContent {
  return {
    debunkId: debunk.id,
    claim: debunk.claim,
    verdict: debunk.verdict,
    refutation: refutationIn(debunk, language),
    sources: debunk.sources,
    language,
    ...(stance ? { stance } : {}),
  };
}
