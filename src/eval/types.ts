import type { Debunk } from '../debunks/schema.js';

/** A line of an evaluation file that could not be used; it is reported and skipped. */
export interface EvalProblem {
  file: string;
  /** 1-based line where the offending record starts; absent when the whole file or folder is at fault. */
  line?: number;
  message: string;
}

/** Writes a problem as `file:line: message`, the form editors and terminals link to. */
export function formatProblem(problem: EvalProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  return `${where}: ${problem.message}`;
}

/** Orders problems by file, then line, the order a reader fixes them in. */
export function byFileAndLine(a: EvalProblem, b: EvalProblem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0);
}

/** A value read from evaluation files, with the lines that had to be skipped. */
export interface Read<T> {
  value: T;
  problems: EvalProblem[];
}

/** One chat message (tweet, Weibo post) and the claims it repeats. */
export interface EvalQuery {
  id: string;
  text: string;
  /** Ids of the debunks this query repeats; never empty. */
  gold: readonly string[];
}

/** A named set of queries: `train`, `dev`, or `all` when a dataset has no split folders. */
export interface EvalSplit {
  name: string;
  queries: EvalQuery[];
}

/** The folder layouts the evaluation understands, named after the sets they come from. */
export const EVAL_LAYOUTS = ['clef', 'checked'] as const;
export type EvalLayout = (typeof EVAL_LAYOUTS)[number];

/** What a hand-labelled chat message does: the five labels of `chat-dev/messages.jsonl`. */
export const MESSAGE_KINDS = ['spread', 'question', 'refute', 'neg', 'chatter'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** A chat message labelled with what the member does and with which claim. */
export interface LabelledMessage {
  id: string;
  text: string;
  kind: MessageKind;
  /** The claim it spreads, asks about or refutes; null for `chatter` and for unrelated messages. */
  claim: string | null;
  /** `zh` or `en`. */
  lang: string;
}

/** One evaluation set: its claims as debunks, its query splits and its non-rumor posts. */
export interface EvalDataset {
  /** The folder name, e.g. `clef2020-en`. */
  name: string;
  layout: EvalLayout;
  debunks: Debunk[];
  splits: EvalSplit[];
  /** Posts that repeat no claim; `null` when the set has none. */
  negatives: string[] | null;
  /** Labelled chat messages (spread, question, refute, …); `null` when the set has none. */
  messages: LabelledMessage[] | null;
}

/**
 * One thing the bot got wrong on an evaluation set, for `eval --misses`: a labelled chat message
 * misjudged, a query not acted on with its gold claim, a negative acted on.
 */
export interface EvalMiss {
  dataset: string;
  /** The split of a query; `negatives` for a non-rumor post; the language for a chat message. */
  part: string;
  /** `query`, `negative`, or the chat message's label. */
  kind: string;
  id: string | null;
  text: string;
  /** The claim(s) it carries; empty for negatives and chatter. */
  gold: readonly string[];
  /** The best match and its score (score 0: nothing matched). */
  top: string | null;
  score: number;
  stance: string;
  /** What went wrong, in the terms of the targets. */
  problem: string;
}

/** The figures for one dataset and split. */
export interface EvalResult {
  dataset: string;
  split: string;
  /** Number of scored queries. */
  queries: number;
  /** Number of claims in the dataset (all of them are ranked for every query). */
  claims: number;
  map1: number;
  map5: number;
  recall5: number;
  /** Share of the dataset's negatives the bot would act on; `null` without negatives. */
  falseActRate: number | null;
  /** Share of queries the bot would act on with a gold claim as its top match. */
  actRate: number;
  /** Mean wall time of one `rank(query, 5)` call, in milliseconds. */
  msPerQuery: number;
}

/**
 * What the bot does with labelled chat messages of one language, at the act threshold. A strike
 * is an act on a message whose stance is `spread`; a reply is an act on `spread` or `question`.
 */
export interface ChatResult {
  dataset: string;
  lang: string;
  spread: number;
  /** Share of spread messages acted on with the right claim. */
  spreadActs: number;
  /** Share of spread messages read as refuting or mocking (they would never earn a strike). */
  spreadRefuting: number;
  questions: number;
  /** Share of questions answered with the right claim's refutation and no strike. */
  questionsAnswered: number;
  /** Share of questions that earn no strike (answered, or not acted on). */
  questionsNoStrike: number;
  refutes: number;
  /** Share of refutations that earn no strike. */
  refutesNoStrike: number;
  /** Share of refutations that get no reply either. */
  refutesNoReply: number;
  /** Number of `neg` and `chatter` messages. */
  quiet: number;
  /** Share of them acted on (any claim): the false-act rate on chat. */
  quietActs: number;
}

/**
 * One dataset at one answer threshold, the act threshold held (`eval --curve`): the share of
 * labelled questions answered per language, and the share of negatives acted on.
 */
export interface AnswerCurvePoint {
  dataset: string;
  threshold: number;
  /** Per language; empty when the dataset has no labelled questions. */
  questionsAnswered: Record<string, number>;
  /** `null` when the dataset has no negatives. */
  falseActRate: number | null;
}

/** Act-rate and false-act rate of one dataset and split at one threshold (`eval --curve`). */
export interface CurvePoint {
  dataset: string;
  split: string;
  threshold: number;
  actRate: number;
  /** `null` when the dataset has no negatives. */
  falseActRate: number | null;
}
