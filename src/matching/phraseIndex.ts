import type { Debunk } from '../debunks/schema.js';
import { normalize } from './normalize.js';
import { tokenize } from './tokenize.js';
import type { MatchedPhrase } from './types.js';

/** A claim or variant as stage 2 sees it. */
export interface IndexedPhrase {
  debunkIndex: number;
  phrase: MatchedPhrase;
  /** Normalized text, what fuse.js compares against the message excerpt. */
  normalized: string;
  /** Distinct term ids of the phrase and their idf weights. */
  terms: Int32Array;
  weights: Float32Array;
  /** Sum of `weights`: the weight of a full match. */
  totalWeight: number;
  /** Number of tokens, for the window size. */
  length: number;
  /** Term ids in the phrase's order (with repeats), for word-order agreement. */
  sequence: Int32Array;
  /** Distinct Chinese/Japanese characters of the phrase, for character overlap. */
  ideographs: string;
  /** Per distinct term (aligned with `terms`): 1 when the debunk's claim writes it as a name (see `namesOf`). */
  names: Uint8Array;
}

/**
 * The retrieval index. Stage 1 scores whole debunks (claim and variants as one BM25 document:
 * a message that echoes words of both the claim and a variant is stronger evidence than either
 * alone); stage 2 then looks at each phrase of the few best debunks separately.
 */
export interface PhraseIndex {
  debunks: readonly Debunk[];
  phrases: IndexedPhrase[];
  /** Phrase ids of each debunk. */
  phrasesOf: Int32Array[];
  termIds: Map<string, number>;
  idf: Float32Array;
  /** Per term: debunk indices and their precomputed BM25 impact (idf · saturated tf). */
  postingIds: Int32Array[];
  postingImpacts: Float32Array[];
  /**
   * Per debunk: its distinct term ids, sorted, and their BM25 impacts — the same numbers as the
   * postings, seen from the document side, so retrieval can add a common term's impact to a
   * few candidates without reading the term's long posting list.
   */
  docTerms: Int32Array[];
  docImpacts: Float32Array[];
  /** The idf of a term found in one debunk only: the most a term can say in this database. */
  maxIdf: number;
  /**
   * Per debunk: the first debunk whose claim has the same terms in the same order (itself when
   * none): quotes, apostrophes ("can't", "can’t") and function words aside, the same sentence.
   * Fact-checkers debunk a claim again when it resurfaces, so a database holds copies; a copy
   * is the same claim, not a rival that makes a match look ambiguous.
   */
  sameClaimAs: Int32Array;
}

/** BM25 parameters: the usual defaults, which also scored best on the evaluation sets. */
const K1 = 1.2;
const B = 0.75;

/** Debunks tokenized between two yields of the incremental build. */
const BUILD_SLICE = 2000;

/** Builds the retrieval index over every claim and variant of the given debunks. */
export function buildPhraseIndex(debunks: readonly Debunk[]): PhraseIndex {
  const steps = buildSteps(debunks);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Builds the index in slices, yielding to the event loop between them, so a bot reloading a
 * large database keeps answering messages from the old index meanwhile.
 */
export async function buildPhraseIndexAsync(debunks: readonly Debunk[]): Promise<PhraseIndex> {
  const steps = buildSteps(debunks);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

interface PhraseDraft {
  /** Term ids written as names in the debunk's claim. */
  names: ReadonlySet<number>;
  debunkIndex: number;
  phrase: MatchedPhrase;
  normalized: string;
  termList: number[];
}

function* buildSteps(debunks: readonly Debunk[]): Generator<void, PhraseIndex> {
  const termIds = new Map<string, number>();
  const df: number[] = [];
  const drafts: PhraseDraft[] = [];
  /** Per debunk: term id → frequency over all its phrases. */
  const docCounts: Map<number, number>[] = [];
  const docLength: number[] = [];
  const sameClaimAs = new Int32Array(debunks.length);
  const firstWithClaim = new Map<string, number>();

  const idOf = (term: string): number => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = df.length;
      termIds.set(term, id);
      df.push(0);
    }
    return id;
  };

  for (let i = 0; i < debunks.length; i++) {
    const d = debunks[i]!;
    const counts = new Map<number, number>();
    let length = 0;
    const texts: MatchedPhrase[] = [
      { kind: 'claim', text: d.claim },
      ...d.variants.map((text, variantIndex): MatchedPhrase => ({ kind: 'variant', variantIndex, text })),
    ];
    const claimKey = tokenize(normalize(d.claim).text).map((t) => t.term).join(' ');
    const first = firstWithClaim.get(claimKey);
    sameClaimAs[i] = first ?? i;
    if (first === undefined) firstWithClaim.set(claimKey, i);
    const names = namesOf(d.claim, idOf);
    for (const phrase of texts) {
      const normalized = normalize(phrase.text).text;
      const termList = tokenize(normalized).map((t) => idOf(t.term));
      if (termList.length === 0) continue;
      for (const t of termList) counts.set(t, (counts.get(t) ?? 0) + 1);
      length += termList.length;
      drafts.push({ debunkIndex: i, phrase, normalized, termList, names });
    }
    for (const t of counts.keys()) df[t]!++;
    docCounts.push(counts);
    docLength.push(length);
    if (i % BUILD_SLICE === BUILD_SLICE - 1) yield;
  }

  const n = debunks.length;
  const idf = new Float32Array(df.length);
  for (let t = 0; t < df.length; t++) idf[t] = Math.log(1 + (n - df[t]! + 0.5) / (df[t]! + 0.5));

  const avgLength = docLength.reduce((s, l) => s + l, 0) / Math.max(1, n);
  const postingIds = df.map((count) => new Int32Array(count));
  const postingImpacts = df.map((count) => new Float32Array(count));
  const fill = new Int32Array(df.length);
  const docTerms: Int32Array[] = [];
  const docImpacts: Float32Array[] = [];
  for (let i = 0; i < n; i++) {
    const norm = K1 * (1 - B + (B * docLength[i]!) / Math.max(1e-9, avgLength));
    const terms = Int32Array.from(docCounts[i]!.keys()).sort();
    const impacts = new Float32Array(terms.length);
    terms.forEach((t, k) => {
      const tf = docCounts[i]!.get(t)!;
      const impact = (idf[t]! * tf * (K1 + 1)) / (tf + norm);
      const at = fill[t]!++;
      postingIds[t]![at] = i;
      postingImpacts[t]![at] = impact;
      impacts[k] = impact;
    });
    docTerms.push(terms);
    docImpacts.push(impacts);
  }
  yield;

  const phrasesOf: number[][] = debunks.map(() => []);
  const phrases: IndexedPhrase[] = drafts.map((draft, p) => {
    phrasesOf[draft.debunkIndex]!.push(p);
    const terms = Int32Array.from(new Set(draft.termList));
    const weights = Float32Array.from(terms, (t) => idf[t]!);
    return {
      debunkIndex: draft.debunkIndex,
      phrase: draft.phrase,
      normalized: draft.normalized,
      terms,
      weights,
      totalWeight: weights.reduce((s, w) => s + w, 0),
      length: draft.termList.length,
      sequence: Int32Array.from(draft.termList),
      ideographs: [...new Set(draft.normalized.match(IDEOGRAPHS) ?? [])].join(''),
      names: Uint8Array.from(terms, (t) => (draft.names.has(t) ? 1 : 0)),
    };
  });

  return {
    debunks,
    phrases,
    phrasesOf: phrasesOf.map((p) => Int32Array.from(p)),
    termIds,
    idf,
    postingIds,
    postingImpacts,
    docTerms,
    docImpacts,
    maxIdf: Math.log(1 + (n - 0.5) / 1.5),
    sameClaimAs,
  };
}

/** Characters after which a capital letter starts a sentence or a quote rather than marking a name. */
const SENTENCE_START = /[.!?:;"“‘'(\[—–-]$/;

/**
 * Term ids the claim writes capitalized in mid-sentence ("Meghan Markle", "Britain"): the names of
 * who and where the claim is about, as opposed to what it says happened. Read from the claim only:
 * headlines capitalize every word.
 */
function namesOf(claim: string, idOf: (term: string) => number): Set<number> {
  const names = new Set<number>();
  const { text, origin } = normalize(claim);
  for (const token of tokenize(text)) {
    const at = origin[token.start]!;
    const first = claim[at]!;
    if (first === first.toLowerCase()) continue;
    if (SENTENCE_START.test(claim.slice(0, at).trimEnd()) || claim.slice(0, at).trim() === '') continue;
    names.add(idOf(token.term));
  }
  return names;
}

const IDEOGRAPHS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
