import type { Debunk } from '../debunks/schema.js';
import { FEATURE_COUNT, FEATURE_NAMES } from '../matching/features.js';
import type { Matcher } from '../matching/types.js';
import { boostedLogit, withVerifierWeights, type VerifierWeights } from '../matching/verifier.js';
import { chatMisses, readMessage, scoreChat, type ChatReading } from './scoreChat.js';
import type { MatcherFactory } from './evaluateDataset.js';
import { fitBoostedTrees, type BoostOptions } from './boostedTrees.js';
import type { LabelledRow } from './logisticRegression.js';
import { readEvalData } from './readEvalData.js';
import type { ChatResult, EvalDataset, EvalMiss, EvalQuery } from './types.js';
import { appendAll } from '../lib/appendAll.js';

/**
 * What the verifier is fitted on, and what is kept out so the evaluation still says something:
 * the `dev` split of a set with splits and that set's negatives are held out (clef2020-en dev is
 * a target of its own); everything else is used. Sets with labelled chat messages are used twice:
 * over their own claims, and with the claims of the largest other set added as distractors, the
 * way a real database holds many claims besides the one a message repeats.
 */
export const HELD_OUT_SPLIT = 'dev';

/** Few, shallow, shrunk trees: a few thousand pairs support little more. */
const BOOST: BoostOptions = {
  trees: Number(process.env.FIT_TREES ?? 70),
  depth: Number(process.env.FIT_DEPTH_TREE_ZH ?? 2),
  rate: 0.1,
  minLeafShare: 0.02,
  lambda: 1,
};

/**
 * Candidates per message learned from, in ranking order. The score decides whether the bot acts
 * on its best match, so that is what the verifier learns: lower-ranked candidates are easy
 * negatives that would teach it to trust any top candidate.
 */
const DEPTH = Number(process.env.FIT_DEPTH ?? 1);

/**
 * Depth of the English trees (FIT_DEPTH_TREE), apart from the Chinese ones. One level deeper,
 * with a feature for the BM25 score over the whole message, raised the held-out clef2020-en dev
 * act rate from 0.54 to 0.58 but acted on 0.5 % of the bench's ordinary chat at 1,000 claims
 * instead of 0.2 % (places and shops named in passing: "Traffic on the way to Buenos Aires …
 * Is the 7-Eleven near the office open?") and on near-misses in a small database ("5G towers are
 * being built near the coronavirus ward"); both trees stay at depth 2.
 */
const EN_DEPTH = Number(process.env.FIT_DEPTH_TREE ?? 2);

/**
 * Trees of the English ensemble (FIT_TREES_EN), apart from the Chinese ones (FIT_TREES). At 70 the
 * English trees underfit: the held-out clef2020-en dev act rate rose with every step to 200 trees
 * (0.589 at 70 with the rules of the day, 0.599 at 100, 0.604 at 120, 0.614 at 200), its negatives
 * never acted on. At 120 the bench is unchanged (hit@1 100 % / 90.6 % and falseAct 0.3 % / 0 at 1k /
 * 100k claims); past it the bench's hit@1 fell (99.9 % / 90.5 % with both languages at 120,
 * 98.9 % / 89.9 % and falseAct 0.5 % at 100k with 200). More Chinese trees gain checked-zh acts
 * and cost the bench the same way, so they stay at 70.
 */
const EN_TREES = Number(process.env.FIT_TREES_EN ?? 120);

/**
 * The negatives of a set with a held-out split are used too: they are the only posts without any
 * claim in the English sets, and without them the verifier learns English non-rumors only from
 * wrong top matches of rumor tweets, which look far more like rumors than chat does.
 */
/**
 * Within a source, the negatives weigh at least this many times the positives in total: how many
 * rumors a set holds is how it was built, not how often chat repeats rumors, and in chat-dev the
 * few same-topic messages that share words with a claim are exactly the ones the bot must not act on.
 */
const NEGATIVE_WEIGHT = Number(process.env.FIT_NEGATIVE_WEIGHT ?? 0.5);
const INCLUDE_HELD_OUT_NEGATIVES = process.env.FIT_HOLD_NEGATIVES !== '1';

/** One message to learn from: its text and the claims it carries (none for chatter). */
interface Example {
  text: string;
  gold: readonly string[];
}

interface Source {
  name: string;
  debunks: readonly Debunk[];
  examples: Example[];
}

export interface FitReport {
  weights: VerifierWeights;
  /** Per source: pairs, positives, and the fitted model's accuracy at 0.5 on them. */
  sources: { name: string; pairs: number; positives: number; accuracy: number }[];
}

/** Labelled chat messages kept out of a fit (one fold of the cross-validation). */
type HoldOut = (message: { id: string; claim: string | null }) => boolean;

function sourcesOf(datasets: readonly EvalDataset[], holdOut: HoldOut = () => false): Source[] {
  const sources: Source[] = [];
  const largest = [...datasets].sort((a, b) => b.debunks.length - a.debunks.length)[0];
  for (const d of datasets) {
    const heldOut = d.splits.some((s) => s.name === HELD_OUT_SPLIT);
    const examples: Example[] = [];
    const kept = (q: EvalQuery) => d.messages === null || !q.gold.some((claim) => holdOut({ id: q.id, claim }));
    for (const split of d.splits) {
      if (split.name !== HELD_OUT_SPLIT) appendAll(examples, split.queries.filter(kept).map((q) => ({ text: q.text, gold: q.gold })));
    }
    if (d.messages !== null) {
      // Labelled messages include the spread ones already listed as queries: use them once.
      const seen = new Set(examples.map((e) => e.text));
      for (const m of d.messages) {
        if (seen.has(m.text) || holdOut(m)) continue;
        const carries = m.kind === 'spread' || m.kind === 'question' || m.kind === 'refute';
        examples.push({ text: m.text, gold: carries && m.claim !== null ? [m.claim] : [] });
      }
    } else if (d.negatives !== null && (INCLUDE_HELD_OUT_NEGATIVES || !heldOut)) {
      appendAll(examples, d.negatives.map((text) => ({ text, gold: [] })));
    }
    sources.push({ name: d.name, debunks: d.debunks, examples });
    if (d.messages !== null && largest !== undefined && largest !== d) {
      sources.push({ name: `${d.name}+${largest.name}`, debunks: [...d.debunks, ...largest.debunks], examples });
    }
  }
  return sources;
}

interface Pair extends LabelledRow {
  x: Float64Array;
  ideographic: boolean;
  source: number;
}

function pairsOf(matcher: Matcher, examples: readonly Example[], source: number): Pair[] {
  const pairs: Pair[] = [];
  for (const e of examples) {
    for (const c of (matcher.candidates?.(e.text) ?? []).slice(0, DEPTH)) {
      if (c.ruledOut) continue;
      pairs.push({ x: Float64Array.from(c.features), y: e.gold.includes(c.debunkId) ? 1 : 0, ideographic: c.ideographic, source });
    }
  }
  return pairs;
}

/**
 * Fits the verifier on the evaluation sets under `dataDir` and returns the weights to commit as
 * src/matching/verifierWeights.json (`rumorguard eval --fit` writes them).
 */
export function fitVerifier(dataDir: string, createMatcher: MatcherFactory, onProgress: (message: string) => void = () => {}): FitReport {
  return fitOn(readEvalData(dataDir, onProgress).value, createMatcher, onProgress);
}

function fitOn(datasets: readonly EvalDataset[], createMatcher: MatcherFactory, onProgress: (message: string) => void, holdOut?: HoldOut): FitReport {
  const sources = sourcesOf(datasets, holdOut);
  const pairs: Pair[] = [];
  sources.forEach((s, i) => {
    onProgress(`fit: ${s.name}: ${s.examples.length} messages over ${s.debunks.length} claims`);
    appendAll(pairs, pairsOf(createMatcher(s.debunks), s.examples, i));
  });
  // Every source weighs the same in total, so the largest set does not decide alone, and within a
  // source positives and negatives weigh the same: how many rumors a set holds is how it was
  // built, not how often chat repeats rumors, and the act threshold is chosen on the curve.
  const perSource = sources.map((_, i) => pairs.filter((p) => p.source === i).length);
  const count = (i: number, y: 0 | 1) => pairs.filter((p) => p.source === i && p.y === y).length;
  const perClass = sources.map((_, i) => [count(i, 0), count(i, 1)] as const);
  for (const p of pairs) {
    const [negatives, positives] = perClass[p.source]!;
    // Negatives weigh NEGATIVE_WEIGHT times the positives in total (or their natural share if more).
    const negativeTotal = Math.max(negatives, NEGATIVE_WEIGHT * positives);
    const classWeight = p.y === 1 ? 1 : negativeTotal / Math.max(1, negatives);
    p.w = (pairs.length / sources.length) * classWeight / (positives + negativeTotal);
  }

  const fitGroup = (ideographic: boolean) =>
    fitBoostedTrees(pairs.filter((p) => p.ideographic === ideographic), FEATURE_COUNT, ideographic ? BOOST : { ...BOOST, depth: EN_DEPTH, trees: EN_TREES });
  const weights: VerifierWeights = {
    features: [...FEATURE_NAMES],
    en: fitGroup(false),
    zh: fitGroup(true),
    fitted: {
      command: 'npm run eval -- --fit',
      sources: sources.map((s, i) => ({ name: s.name, claims: s.debunks.length, messages: s.examples.length, pairs: perSource[i] })),
      heldOut: `every "${HELD_OUT_SPLIT}" split`,
      depth: DEPTH,
      negativeWeight: NEGATIVE_WEIGHT,
      boost: BOOST,
      enDepth: EN_DEPTH,
    },
  };
  const accuracy = (i: number) => {
    const mine = pairs.filter((p) => p.source === i);
    const right = mine.filter((p) => (boostedLogit(p.ideographic ? weights.zh : weights.en, p.x) >= 0 ? 1 : 0) === p.y).length;
    return mine.length === 0 ? Number.NaN : right / mine.length;
  };
  return {
    weights,
    sources: sources.map((s, i) => ({
      name: s.name,
      pairs: perSource[i]!,
      positives: pairs.filter((p) => p.source === i && p.y === 1).length,
      accuracy: accuracy(i),
    })),
  };
}

export interface CrossValidationOptions {
  folds: number;
  actThreshold: number;
  answerThreshold?: number;
}

/**
 * What the bot does with labelled chat messages it was not fitted on: the claims of each set with
 * labelled messages are dealt into `folds` folds (chatter too); per fold the verifier is fitted as
 * by `--fit` without that fold's messages, and they are then read against the set's whole
 * database. The figures of the plain evaluation are partly on messages the verifier learned from;
 * these are the ones to expect on new messages.
 */
export function crossValidate(
  dataDir: string,
  createMatcher: MatcherFactory,
  options: CrossValidationOptions,
  onProgress: (message: string) => void = () => {},
): { chat: ChatResult[]; misses: EvalMiss[] } {
  const datasets = readEvalData(dataDir, onProgress).value;
  const results: ChatResult[] = [];
  const misses: EvalMiss[] = [];
  for (const d of datasets) {
    if (d.messages === null || d.messages.length === 0) continue;
    const foldOf = new Map<string, number>();
    [...new Set(d.debunks.map((x) => x.id))].sort().forEach((id, i) => foldOf.set(id, i % options.folds));
    const chatter = d.messages.filter((m) => m.claim === null).map((m) => m.id).sort();
    chatter.forEach((id, i) => foldOf.set(id, i % options.folds));
    const fold = (m: { id: string; claim: string | null }) => foldOf.get(m.claim ?? m.id) ?? 0;
    const readings: ChatReading[] = [];
    for (let k = 0; k < options.folds; k++) {
      onProgress(`cv: ${d.name}: fold ${k + 1} of ${options.folds}`);
      const fit = fitOn(datasets, createMatcher, () => {}, (m) => fold(m) === k);
      withVerifierWeights(fit.weights, () => {
        const matcher = createMatcher(d.debunks);
        for (const message of d.messages!.filter((m) => fold(m) === k)) readings.push(readMessage(matcher, message));
      });
    }
    const name = `${d.name} (cv ${options.folds})`;
    appendAll(results, scoreChat(name, readings, options.actThreshold, options.answerThreshold));
    appendAll(misses, chatMisses(name, readings, options.actThreshold, options.answerThreshold));
  }
  return { chat: results, misses };
}
