import { evaluateDataset, type MatcherFactory } from './evaluateDataset.js';
import { readEvalData } from './readEvalData.js';
import type { AnswerCurvePoint, ChatResult, CurvePoint, EvalMiss, EvalProblem, EvalResult } from './types.js';

export interface RunEvalOptions {
  /** Folder whose sub-folders are evaluation sets. */
  dataDir: string;
  createMatcher: MatcherFactory;
  /** The score at or above which the bot acts; the CLI reads it from the rules file. */
  actThreshold: number;
  /** The score from which a question is answered (the rules' `thresholds.answer`); unset: `actThreshold`. */
  answerThreshold?: number;
  /** Receives one line per step; the CLI writes them to stderr. */
  onProgress?: (message: string) => void;
}

export interface EvalReport {
  /** One per dataset and split, datasets in folder-name order. */
  results: EvalResult[];
  /** Labelled chat messages: what the bot does with spreading, questions, refutations and chatter. */
  chat: ChatResult[];
  /** Act-rate and false-act rate per split over a range of thresholds. */
  curve: CurvePoint[];
  /** Questions answered and negatives acted on per answer threshold, the act threshold held. */
  answerCurve: AnswerCurvePoint[];
  /** What the bot got wrong, item by item (`eval --misses`). */
  misses: EvalMiss[];
  /** Names of the dataset folders found; empty when there was no data. */
  datasets: string[];
  /** Lines that were skipped, with file and line. */
  problems: EvalProblem[];
  actThreshold: number;
  answerThreshold?: number;
}

/** Reads every evaluation set under `dataDir` and scores the matcher on each of its splits. */
export function runEval({ dataDir, createMatcher, actThreshold, answerThreshold, onProgress }: RunEvalOptions): EvalReport {
  const data = readEvalData(dataDir, onProgress);
  const evaluations = data.value.map((dataset) => evaluateDataset(dataset, createMatcher, actThreshold, onProgress, answerThreshold));
  return {
    results: evaluations.flatMap((e) => e.results),
    chat: evaluations.flatMap((e) => e.chat),
    curve: evaluations.flatMap((e) => e.curve),
    answerCurve: evaluations.flatMap((e) => e.answerCurve),
    misses: evaluations.flatMap((e) => e.misses),
    datasets: data.value.map((d) => d.name),
    problems: data.problems,
    actThreshold,
    ...(answerThreshold !== undefined ? { answerThreshold } : {}),
  };
}
