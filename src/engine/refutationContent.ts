import type { Debunk } from '../debunks/schema.js';
import type { RefutationContent } from './decision.js';
import { inScript } from './script.js';
import { refutationIn, type Language } from './templates.js';

/**
 * What a refutation of this debunk says, in a language (the refutation falls back to English);
 * `traditional`: its Chinese in traditional characters (see writesTraditional).
 */
export function refutationContent(debunk: Debunk, language: Language, stance?: string, traditional?: boolean): RefutationContent {
  const say = (text: string) => inScript(text, traditional);
  return {
    debunkId: debunk.id,
    claim: say(debunk.claim),
    verdict: debunk.verdict,
    refutation: say(refutationIn(debunk, language)),
    sources: traditional ? debunk.sources.map((s) => ({ ...s, title: say(s.title) })) : debunk.sources,
    language,
    ...(traditional ? { traditional: true as const } : {}),
    ...(stance ? { stance } : {}),
  };
}
