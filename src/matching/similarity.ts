import Fuse from 'fuse.js';

/**
 * fuse.js's bitap search handles patterns of at most 32 characters; longer ones are split
 * and their scores averaged, which blurs true and false matches. Phrases are therefore
 * compared piece by piece, each piece of at most this many characters, against the short
 * excerpt that stage 1 located (never against the whole message).
 */
const PIECE = 32;

const FUSE_OPTIONS = {
  ignoreLocation: true,
  // Scores above this count as "not found"; fuse's own default.
  threshold: 0.6,
  includeScore: true,
} as const;

/** Splits at spaces where possible so words stay whole. */
function pieces(text: string): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > PIECE) {
    let cut = rest.lastIndexOf(' ', PIECE);
    if (cut < PIECE / 2) cut = PIECE;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) out.push(rest);
  return out;
}

/**
 * How closely the excerpt spells out the phrase, in [0,1]: fuse.js similarity of each piece
 * of the phrase within the excerpt, weighted by piece length. Catches what term overlap
 * cannot: typos, word order, partial words.
 */
export function phraseSimilarity(phrase: string, excerpt: string): number {
  if (phrase.length === 0 || excerpt.length === 0) return 0;
  let total = 0;
  let weight = 0;
  for (const piece of pieces(phrase)) {
    // An exact occurrence is what fuse.js looks for first and scores as a perfect match;
    // finding it here saves building a bitap searcher for the piece.
    if (excerpt.includes(piece)) total += piece.length;
    else {
      const r = Fuse.match(piece, excerpt, FUSE_OPTIONS);
      total += piece.length * (r.isMatch ? 1 - r.score : 0);
    }
    weight += piece.length;
  }
  return weight === 0 ? 0 : total / weight;
}
