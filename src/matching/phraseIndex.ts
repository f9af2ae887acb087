import type { Debunk } from '../debunks/schema.js';
import { normalizedText, normalizeShared } from './normalize.js';
import { tokenize, type Token } from './tokenize.js';
import type { MatchedPhrase } from './types.js';

/** A claim or variant as stage 2 sees it: a view into the index's phrase table. */
export interface IndexedPhrase {
  /** Phrase id: its row in the index's phrase table. */
  id: number;
  debunkIndex: number;
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
  /** Written in Chinese/Japanese: ideographs make at least half of its characters. */
  ideographic: boolean;
  /** Per distinct term (aligned with `terms`): 1 when the debunk's claim writes it as a name (see `namesOf`). */
  names: Uint8Array;
}

/**
 * Every claim and variant, one row per phrase id, in flat arrays: 200,000 phrases as objects
 * holding small typed arrays took most of the index's memory. A debunk's phrases have
 * consecutive ids; a phrase's terms are `terms[termStart[p]]` up to `terms[termStart[p + 1]]`,
 * and its sequence likewise.
 */
export interface PhraseTable {
  debunk: Int32Array;
  /** Index into the debunk's `variants`, or -1 for its claim. */
  variant: Int32Array;
  termStart: Int32Array;
  /** Distinct term ids per phrase, in order of first occurrence, and their idf weights. */
  terms: Int32Array;
  weights: Float32Array;
  /** Aligned with `terms`: 1 when the debunk's claim writes the term as a name. */
  names: Uint8Array;
  totalWeight: Float64Array;
  sequenceStart: Int32Array;
  sequence: Int32Array;
  /** 1 when the phrase is Chinese/Japanese. */
  ideographic: Uint8Array;
  /** Distinct Chinese/Japanese characters per phrase ('' for most). */
  ideographs: string[];
}

/**
 * Lists in one flat array each: list `i` is `values[start[i]]` up to `values[start[i + 1]]`,
 * with `impacts` alongside `values`.
 */
export interface FlatLists {
  start: Int32Array;
  values: Int32Array;
  impacts: Float32Array;
}

/**
 * The retrieval index. Stage 1 scores whole debunks (claim and variants as one BM25 document:
 * a message that echoes words of both the claim and a variant is stronger evidence than either
 * alone); stage 2 then looks at each phrase of the few best debunks separately.
 */
export interface PhraseIndex {
  debunks: readonly Debunk[];
  phrases: PhraseTable;
  /** Phrase ids of debunk d: `phraseStart[d]` up to `phraseStart[d + 1]`. */
  phraseStart: Int32Array;
  termIds: Map<string, number>;
  idf: Float32Array;
  /** Per term: debunk indices (ascending) and their precomputed BM25 impact (idf · saturated tf). */
  postings: FlatLists;
  /**
   * Per debunk: its distinct term ids, sorted, and their BM25 impacts — the same numbers as the
   * postings, seen from the document side, so retrieval can add a common term's impact to a
   * few candidates without reading the term's long posting list.
   */
  docTerms: FlatLists;
  /** The idf of a term found in one debunk only: the most a term can say in this database. */
  maxIdf: number;
  /**
   * Per debunk: the first debunk whose claim has the same terms in the same order (itself when
   * none): quotes, apostrophes ("can't", "can’t") and function words aside, the same sentence.
   * Fact-checkers debunk a claim again when it resurfaces, so a database holds copies; a copy
   * is the same claim, not a rival that makes a match look ambiguous.
   */
  sameClaimAs: Int32Array;
  /** The terms of two UTF-16 units by their units (see termIdOf). */
  pairs: PairTable;
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

/** The phrase with id `p`, as views into the phrase table. */
export function phraseAt(index: PhraseIndex, p: number): IndexedPhrase {
  const t = index.phrases;
  const termStart = t.termStart[p]!;
  const termEnd = t.termStart[p + 1]!;
  const sequenceStart = t.sequenceStart[p]!;
  const sequenceEnd = t.sequenceStart[p + 1]!;
  return {
    id: p,
    debunkIndex: t.debunk[p]!,
    terms: t.terms.subarray(termStart, termEnd),
    weights: t.weights.subarray(termStart, termEnd),
    names: t.names.subarray(termStart, termEnd),
    totalWeight: t.totalWeight[p]!,
    length: sequenceEnd - sequenceStart,
    sequence: t.sequence.subarray(sequenceStart, sequenceEnd),
    ideographs: t.ideographs[p]!,
    ideographic: t.ideographic[p] === 1,
  };
}

/** Which text of its debunk phrase `p` is, for the explanation. */
export function matchedPhrase(index: PhraseIndex, p: number): MatchedPhrase {
  const d = index.debunks[index.phrases.debunk[p]!]!;
  const variantIndex = index.phrases.variant[p]!;
  return variantIndex < 0 ? { kind: 'claim', text: d.claim } : { kind: 'variant', variantIndex, text: d.variants[variantIndex]! };
}

/** Whether the claim or a variant of debunk `d` has the term: a binary search in its sorted terms. */
export function debunkHasTerm(index: PhraseIndex, d: number, term: string): boolean {
  const id = termIdOf(index, term);
  if (id === undefined) return false;
  const terms = index.docTerms.values;
  let lo = index.docTerms.start[d]!;
  let hi = index.docTerms.start[d + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const t = terms[mid]!;
    if (t === id) return true;
    if (t < id) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

/**
 * The index's terms of two UTF-16 units (Chinese character pairs, most of Chinese text's terms)
 * in an open-addressing table keyed by the two units, beside `termIds`: hashing a fresh
 * two-character string into the term map cost more than the rest of reading it, in the build
 * and per message. A slot's id is stored plus one (0: empty); at most half the slots are taken.
 */
export interface PairTable {
  keys: Int32Array;
  ids: Int32Array;
  mask: number;
}
/** The two units in one 32-bit integer. */
const pairKey = (term: string): number => (term.charCodeAt(0) << 16) | term.charCodeAt(1);
const pairSlot = (key: number, mask: number): number => (Math.imul(key, 0x9e3779b1) >>> 12) & mask;

function pairTermId(table: PairTable, term: string): number | undefined {
  const key = pairKey(term);
  // A slot's id is stored plus one: 0 marks it empty.
  for (let h = pairSlot(key, table.mask); ; h = (h + 1) & table.mask) {
    const id = table.ids[h]!;
    if (id === 0) return undefined;
    if (table.keys[h] === key) return id - 1;
  }
}

/** The id of a term in the index (`index.termIds.get(term)`), terms of two units from the pair table. */
export function termIdOf(index: PhraseIndex, term: string): number | undefined {
  return term.length === 2 ? pairTermId(index.pairs, term) : index.termIds.get(term);
}

/**
 * A growable list of 32-bit integers. The build's lists run to millions of entries; as number[]
 * they kept the garbage collector busy for a fifth of the build.
 */
class IntList {
  data: Int32Array<ArrayBuffer>;
  length = 0;

  /**
   * `capacity`: about how many values will be pushed. Room the list never fills costs no memory
   * until written, where growing by doubling writes every value again in a fresh array.
   */
  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) this.data = grown(this.data);
    this.data[this.length++] = value;
  }

  /** A copy trimmed to the length. */
  toArray(): Int32Array<ArrayBuffer> {
    return this.data.slice(0, this.length);
  }
}

/**
 * How many list entries a build over these debunks writes, about: per debunk, per phrase, and per
 * term (a term per four UTF-16 units of claims and variants in the bench's mix of English and
 * Chinese; a third leaves room for more Chinese before a list grows).
 */
function draftSizes(debunks: readonly Debunk[]): { debunks: number; phrases: number; terms: number } {
  let phrases = 0;
  let units = 0;
  for (const d of debunks) {
    phrases += 1 + d.variants.length;
    units += d.claim.length;
    for (const v of d.variants) units += v.length;
  }
  return { debunks: debunks.length + 1, phrases: phrases + 1, terms: Math.ceil(units / 3) };
}

/** What the first pass collects, in growable lists, before idf is known. */
class Draft {
  readonly termIds = new Map<string, number>();
  readonly df = new IntList();
  readonly phraseDebunk: IntList;
  readonly phraseVariant: IntList;
  readonly termStart: IntList;
  readonly terms: IntList;
  /** Aligned with `terms`: 1 for a term the debunk's claim writes as a name. */
  readonly names: IntList;
  readonly sequenceStart: IntList;
  readonly sequence: IntList;
  readonly ideographic: IntList;
  readonly ideographs: string[] = [];
  readonly phraseStart: IntList;
  readonly docStart: IntList;
  /** Per debunk: distinct term ids, sorted, and their frequency over all its phrases. */
  readonly docTerms: IntList;
  readonly docFrequency: IntList;
  readonly docLength: IntList;
  readonly sameClaimAs: IntList;
  /**
   * The first debunk of each claim, by a hash of the claim's term ids (its phrase's sequence):
   * the same terms in the same order are the same ids in the same order. Open addressing: a slot
   * holds a hash and the first debunk + 1 (0: empty); at most half the slots are taken. A claim's
   * sequence is `sequence[claimFrom[d]]` up to `sequence[claimTo[d]]` (empty without terms).
   */
  private claimHashes: Int32Array;
  private claimFirsts: Int32Array;
  private claimCount = 0;
  private readonly claimFrom: IntList;
  private readonly claimTo: IntList;
  /** Term ids the debunk being read writes as names in its claim. */
  private claimNames: ReadonlySet<number> = new Set();
  /** Per term: its count in the debunk being read, and the last phrase it was seen in (+1). */
  private count = new Int32Array(1024);
  private seenIn = new Int32Array(1024);
  /** The distinct terms of the debunk being read. */
  private readonly debunkTerms = new IntList();

  /** Terms of two UTF-16 units by their units (see PairTable); becomes the index's `pairs`. */
  pairs: PairTable = { keys: new Int32Array(1024), ids: new Int32Array(1024), mask: 1023 };
  private pairCount = 0;

  constructor(sizes: { debunks: number; phrases: number; terms: number }) {
    this.phraseDebunk = new IntList(sizes.phrases);
    this.phraseVariant = new IntList(sizes.phrases);
    this.termStart = listOf(0, sizes.phrases);
    this.terms = new IntList(sizes.terms);
    this.names = new IntList(sizes.terms);
    this.sequenceStart = listOf(0, sizes.phrases);
    this.sequence = new IntList(sizes.terms);
    this.ideographic = new IntList(sizes.phrases);
    this.phraseStart = listOf(0, sizes.debunks);
    this.docStart = listOf(0, sizes.debunks);
    this.docTerms = new IntList(sizes.terms);
    this.docFrequency = new IntList(sizes.terms);
    this.docLength = new IntList(sizes.debunks);
    this.sameClaimAs = new IntList(sizes.debunks);
    this.claimFrom = new IntList(sizes.debunks);
    this.claimTo = new IntList(sizes.debunks);
    let slots = 1024;
    while (slots < 2 * sizes.debunks) slots *= 2;
    this.claimHashes = new Int32Array(slots);
    this.claimFirsts = new Int32Array(slots);
  }

  private idOf(term: string): number {
    if (term.length !== 2) return this.idOfTerm(term);
    const pairs = this.pairs;
    const key = pairKey(term);
    let h = pairSlot(key, pairs.mask);
    for (;;) {
      const id = pairs.ids[h]!;
      if (id === 0) break;
      if (pairs.keys[h] === key) return id - 1;
      h = (h + 1) & pairs.mask;
    }
    const id = this.idOfTerm(term);
    pairs.keys[h] = key;
    pairs.ids[h] = id + 1;
    if (2 * ++this.pairCount > pairs.mask + 1) this.pairs = grownPairs(pairs);
    return id;
  }

  private idOfTerm(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.df.length;
      this.termIds.set(term, id);
      this.df.push(0);
      if (id === this.count.length) {
        this.count = grown(this.count);
        this.seenIn = grown(this.seenIn);
      }
    }
    return id;
  }

  addDebunk(d: Debunk): void {
    const debunkIndex = this.phraseStart.length - 1;
    // The claim is normalized and tokenized once for its copy key, its names and its phrase. Its
    // origins are read (by namesOf) before the variants are normalized over them.
    const { text: normalized, origin } = normalizeShared(d.claim);
    const tokens = tokenize(normalized);
    this.claimNames = namesOf(d.claim, origin, tokens, (term) => this.idOf(term));
    const claimFrom = this.sequence.length;
    this.addPhrase(debunkIndex, -1, normalized, tokens);
    this.sameClaimAs.push(this.firstWithSameClaim(debunkIndex, claimFrom, this.sequence.length));
    d.variants.forEach((text, variantIndex) => {
      const variant = normalizedText(text);
      this.addPhrase(debunkIndex, variantIndex, variant, tokenize(variant));
    });
    this.phraseStart.push(this.phraseDebunk.length);
    this.closeDocument();
  }

  /**
   * The first debunk, `debunkIndex` itself when none, whose claim has the terms of this one's
   * (`sequence[from]` up to `sequence[to]`) in the same order.
   */
  private firstWithSameClaim(debunkIndex: number, from: number, to: number): number {
    this.claimFrom.push(from);
    this.claimTo.push(to);
    const seq = this.sequence.data;
    let hash = to - from;
    for (let i = from; i < to; i++) hash = Math.imul(hash ^ seq[i]!, 0x01000193);
    const mask = this.claimFirsts.length - 1;
    for (let slot = pairSlot(hash, mask); ; slot = (slot + 1) & mask) {
      const first = this.claimFirsts[slot]! - 1;
      if (first < 0) {
        this.claimHashes[slot] = hash;
        this.claimFirsts[slot] = debunkIndex + 1;
        if (2 * ++this.claimCount > mask + 1) this.growClaims();
        return debunkIndex;
      }
      if (this.claimHashes[slot] === hash && this.sameSequence(first, from, to)) return first;
    }
  }

  /** The same claims in twice the slots. */
  private growClaims(): void {
    const { claimHashes, claimFirsts } = this;
    this.claimHashes = new Int32Array(2 * claimHashes.length);
    this.claimFirsts = new Int32Array(2 * claimFirsts.length);
    const mask = this.claimFirsts.length - 1;
    for (let k = 0; k < claimFirsts.length; k++) {
      if (claimFirsts[k] === 0) continue;
      let slot = pairSlot(claimHashes[k]!, mask);
      while (this.claimFirsts[slot] !== 0) slot = (slot + 1) & mask;
      this.claimHashes[slot] = claimHashes[k]!;
      this.claimFirsts[slot] = claimFirsts[k]!;
    }
  }

  /** Whether debunk `f`'s claim has the term ids `sequence[from]` up to `sequence[to]`. */
  private sameSequence(f: number, from: number, to: number): boolean {
    const seq = this.sequence.data;
    const start = this.claimFrom.data[f]!;
    if (this.claimTo.data[f]! - start !== to - from) return false;
    for (let k = 0; k < to - from; k++) if (seq[start + k] !== seq[from + k]) return false;
    return true;
  }

  private addPhrase(debunkIndex: number, variantIndex: number, normalized: string, tokens: readonly Token[]): void {
    if (tokens.length === 0) return;
    const p = this.phraseDebunk.length;
    for (const token of tokens) {
      const t = this.idOf(token.term);
      this.sequence.push(t);
      if (this.count[t]!++ === 0) this.debunkTerms.push(t);
      if (this.seenIn[t] !== p + 1) {
        this.seenIn[t] = p + 1;
        this.terms.push(t);
        this.names.push(this.claimNames.has(t) ? 1 : 0);
      }
    }
    const ideographs = distinctIdeographs(normalized);
    this.phraseDebunk.push(debunkIndex);
    this.phraseVariant.push(variantIndex);
    this.termStart.push(this.terms.length);
    this.sequenceStart.push(this.sequence.length);
    this.ideographs.push(ideographs);
    this.ideographic.push(ideographs.length * 2 >= normalized.length - spacesIn(normalized) ? 1 : 0);
  }

  /** Ends the debunk being read: its term counts become its document row. */
  private closeDocument(): void {
    const terms = this.debunkTerms.data;
    const n = this.debunkTerms.length;
    terms.subarray(0, n).sort();
    let length = 0;
    for (let k = 0; k < n; k++) {
      const t = terms[k]!;
      const tf = this.count[t]!;
      this.docTerms.push(t);
      this.docFrequency.push(tf);
      this.df.data[t]!++;
      length += tf;
      this.count[t] = 0;
    }
    this.debunkTerms.length = 0;
    this.docStart.push(this.docTerms.length);
    this.docLength.push(length);
  }
}

/** How many spaces `text` holds: its length less theirs is its length without them, without a copy. */
function spacesIn(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0x20) n++;
  return n;
}

/** The same pairs in twice the slots. */
function grownPairs(pairs: PairTable): PairTable {
  const slots = 2 * (pairs.mask + 1);
  const out: PairTable = { keys: new Int32Array(slots), ids: new Int32Array(slots), mask: slots - 1 };
  for (let i = 0; i <= pairs.mask; i++) {
    if (pairs.ids[i] === 0) continue;
    let h = pairSlot(pairs.keys[i]!, out.mask);
    while (out.ids[h] !== 0) h = (h + 1) & out.mask;
    out.keys[h] = pairs.keys[i]!;
    out.ids[h] = pairs.ids[i]!;
  }
  return out;
}

function listOf(first: number, capacity?: number): IntList {
  const list = new IntList(capacity);
  list.push(first);
  return list;
}

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

function* buildSteps(debunks: readonly Debunk[]): Generator<void, PhraseIndex> {
  const draft = new Draft(draftSizes(debunks));
  for (let i = 0; i < debunks.length; i++) {
    draft.addDebunk(debunks[i]!);
    if (i % BUILD_SLICE === BUILD_SLICE - 1) yield;
  }

  const n = debunks.length;
  const df = draft.df.data;
  const idf = new Float32Array(draft.df.length);
  for (let t = 0; t < idf.length; t++) idf[t] = Math.log(1 + (n - df[t]! + 0.5) / (df[t]! + 0.5));
  const docTerms: FlatLists = {
    start: draft.docStart.toArray(),
    values: draft.docTerms.toArray(),
    impacts: new Float32Array(draft.docTerms.length),
  };
  const postings = postingsOf(docTerms, draft.docFrequency.data, draft.docLength.toArray(), idf);
  yield;

  return {
    debunks,
    phrases: phraseTable(draft, idf),
    phraseStart: draft.phraseStart.toArray(),
    termIds: draft.termIds,
    idf,
    postings,
    docTerms,
    maxIdf: Math.log(1 + (n - 0.5) / 1.5),
    sameClaimAs: draft.sameClaimAs.toArray(),
    pairs: draft.pairs,
  };
}

/**
 * Fills each debunk's BM25 impacts (in `docs.impacts`) and returns the same numbers by term:
 * the posting lists, each in ascending debunk order.
 */
function postingsOf(docs: FlatLists, frequency: Int32Array, docLength: Int32Array, idf: Float32Array): FlatLists {
  const n = docLength.length;
  const start = new Int32Array(idf.length + 1);
  for (let k = 0; k < docs.values.length; k++) start[docs.values[k]! + 1]!++;
  for (let t = 0; t < idf.length; t++) start[t + 1]! += start[t]!;
  const values = new Int32Array(docs.values.length);
  const impacts = new Float32Array(docs.values.length);
  const fill = start.slice(0, idf.length);
  let totalLength = 0;
  for (let i = 0; i < n; i++) totalLength += docLength[i]!;
  const avgLength = totalLength / Math.max(1, n);
  for (let i = 0; i < n; i++) {
    const norm = K1 * (1 - B + (B * docLength[i]!) / Math.max(1e-9, avgLength));
    for (let k = docs.start[i]!; k < docs.start[i + 1]!; k++) {
      const t = docs.values[k]!;
      const tf = frequency[k]!;
      const impact = (idf[t]! * tf * (K1 + 1)) / (tf + norm);
      const at = fill[t]!++;
      values[at] = i;
      impacts[at] = impact;
      docs.impacts[k] = impact;
    }
  }
  return { start, values, impacts };
}

function phraseTable(draft: Draft, idf: Float32Array): PhraseTable {
  const terms = draft.terms.toArray();
  const weights = new Float32Array(terms.length);
  for (let k = 0; k < terms.length; k++) weights[k] = idf[terms[k]!]!;
  const termStart = draft.termStart.toArray();
  const count = draft.phraseDebunk.length;
  const totalWeight = new Float64Array(count);
  for (let p = 0; p < count; p++) {
    let sum = 0;
    for (let k = termStart[p]!; k < termStart[p + 1]!; k++) sum += weights[k]!;
    totalWeight[p] = sum;
  }
  return {
    debunk: draft.phraseDebunk.toArray(),
    variant: draft.phraseVariant.toArray(),
    termStart,
    terms,
    weights,
    names: new Uint8Array(draft.names.data.subarray(0, terms.length)),
    totalWeight,
    sequenceStart: draft.sequenceStart.toArray(),
    sequence: draft.sequence.toArray(),
    ideographic: new Uint8Array(draft.ideographic.data.subarray(0, count)),
    ideographs: draft.ideographs,
  };
}

const IDEOGRAPH = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;
/** Han, Hiragana and Katakana all lie at or above U+2E80 (supplementary planes as surrogates). */
const MAYBE_IDEOGRAPH = /[\u2e80-\uffff]/;
/** Per BMP unit: 0 not yet known, 1 not an ideograph, 2 an ideograph (IDEOGRAPH, tested once per unit). */
const ideographUnit = new Uint8Array(0x10000);
/** Per BMP unit: 1 while it is already in the text being read (cleared after). */
const taken = new Uint8Array(0x10000);

/** The distinct Chinese/Japanese characters of a text, in order of first occurrence. */
function distinctIdeographs(text: string): string {
  if (!MAYBE_IDEOGRAPH.test(text)) return '';
  let out = '';
  let astral = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x2e80) continue;
    if (unit >= 0xd800 && unit <= 0xdfff) {
      astral = true;
      break;
    }
    let known = ideographUnit[unit]!;
    if (known === 0) ideographUnit[unit] = known = IDEOGRAPH.test(text[i]!) ? 2 : 1;
    if (known === 2 && taken[unit] === 0) {
      taken[unit] = 1;
      out += text[i]!;
    }
  }
  for (let k = 0; k < out.length; k++) taken[out.charCodeAt(k)] = 0;
  if (!astral) return out;
  // Surrogate pairs (rare ideographs beyond the BMP): the general reading.
  out = '';
  for (const ch of text) if (ch.charCodeAt(0) >= 0x2e80 && !out.includes(ch) && IDEOGRAPH.test(ch)) out += ch;
  return out;
}

/** Characters after which a capital letter starts a sentence or a quote rather than marking a name. */
const SENTENCE_START = /[.!?:;"“‘'(\[—–-]/;
/** What String.prototype.trim removes: the same set as \s. */
const WHITESPACE = /\s/;

/**
 * Whether `text` before `at` is blank or ends, blanks aside, with a SENTENCE_START character: read
 * back from `at` instead of trimming a copy of the prefix for every capitalized word.
 */
function opensSentence(text: string, at: number): boolean {
  let j = at - 1;
  while (j >= 0 && WHITESPACE.test(text[j]!)) j--;
  return j < 0 || SENTENCE_START.test(text[j]!);
}

/** A small letter, then a capital, inside a word: "WhatsApp", "YouTube", "iPhone" are names wherever they stand. */
const CAMEL_CASE = /\p{Ll}\p{Lu}/u;

/** Whether the claim writes the first character of `token` (`origin`: offsets into the claim) in capitals. */
function capitalized(claim: string, origin: Int32Array, token: Token): boolean {
  const first = claim[origin[token.start]!]!;
  return first !== first.toLowerCase();
}

/**
 * Whether the claim writes `token` with CAMEL_CASE inside it. Read unit by unit where the answer
 * is plain (ASCII, where the small letters are a-z and the capitals A-Z, and CJK ideographs, which
 * have no case), by the regex over a copy of the word otherwise: a copy and a regex per token was
 * a tenth of the index build.
 */
function camelCased(claim: string, origin: Int32Array, token: Token): boolean {
  const from = origin[token.start]!;
  const to = origin[token.end - 1]! + 1;
  let afterSmall = false;
  for (let k = from; k < to; k++) {
    const unit = claim.charCodeAt(k);
    if (unit >= 0x61 && unit <= 0x7a) afterSmall = true;
    else if (unit >= 0x41 && unit <= 0x5a) {
      if (afterSmall) return true;
      afterSmall = false;
    } else if (unit < 0x80 || (unit >= 0x4e00 && unit <= 0x9fff)) afterSmall = false;
    else return CAMEL_CASE.test(claim.slice(from, to));
  }
  return false;
}

/**
 * Term ids the claim writes capitalized in mid-sentence ("Meghan Markle", "Britain"): the names of
 * who and where the claim is about, as opposed to what it says happened. Read from the claim only:
 * headlines capitalize every word.
 */
function namesOf(claim: string, origin: Int32Array, tokens: readonly Token[], idOf: (term: string) => number): Set<number> {
  const names = new Set<number>();
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    const camel = camelCased(claim, origin, token);
    if (!capitalized(claim, origin, token) && !camel) continue;
    const at = origin[token.start]!;
    if (opensSentence(claim, at) && !camel) {
      // At a sentence's start, a capital is a name's only when the name goes on: "Bill Gates will
      // pay …", "Costa Rica", not "Bananas imported from …".
      const next = tokens[k + 1];
      if (!next || next.start !== token.end + 1 || !capitalized(claim, origin, next)) continue;
    }
    names.add(idOf(token.term));
  }
  return names;
}
