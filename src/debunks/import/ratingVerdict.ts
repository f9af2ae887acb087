import { normalize } from '../../matching/normalize.js';
import type { Verdict } from '../schema.js';

/**
 * The rating words fact-checkers put in a ClaimReview's `reviewRating`, by the verdict they mean.
 * Compared after folding case, punctuation, hyphens and traditional characters, so "Pants on
 * Fire!", "half-true" and "錯誤" are recognised too.
 */
export const RATING_WORDS = {
  false: ['false', 'pants on fire', 'incorrect', 'fake', 'mostly false', '错误', '谣言', '不实'],
  misleading: ['misleading', 'mixture', 'half true', 'partly false', 'missing context'],
  unproven: ['unproven', 'unverified', 'unsupported', '未经证实'],
  outdated: ['outdated'],
  satire: ['satire'],
} as const satisfies Record<Verdict, readonly string[]>;

const VERDICT_OF = new Map<string, Verdict>(
  Object.entries(RATING_WORDS).flatMap(([verdict, words]) => words.map((w) => [w, verdict as Verdict] as const)),
);

/** The verdict a rating word stands for, or undefined when it is not one of {@link RATING_WORDS}. */
export function ratingVerdict(rating: string): Verdict | undefined {
  return VERDICT_OF.get(normalize(rating).text.trim());
}

/** The accepted words for an error message: `false, pants on fire, … (→ false); …`. */
export function describeRatingWords(): string {
  return Object.entries(RATING_WORDS)
    .map(([verdict, words]) => `${words.join(', ')} (→ ${verdict})`)
    .join('; ');
}
