import { normalize } from './normalize.js';

/**
 * English function words: they carry no claim, and dropping them keeps posting lists short.
 * Chinese needs no list: character bigrams of function words are rare enough that BM25's
 * idf already gives them little weight.
 */
const ENGLISH = `a about above after again against all am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most my
myself no nor of off on once only or other our ours ourselves out over own same she should so some such
than that the their theirs them themselves then there these they this those through to too under until up
very was we were what when where which while who whom why will with would you your yours yourself
yourselves s t don now rt via amp`;

/** Stopwords in normalized form (the normalizer collapses "all" to "al", so the list must too). */
export const STOPWORDS: ReadonlySet<string> = new Set(
  ENGLISH.split(/\s+/).map((w) => normalize(w).text).filter((w) => w.length > 0),
);
