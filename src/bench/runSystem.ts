import type { Debunk } from '../debunks/schema.js';
import type { BenchResult, BenchRun } from './benchResult.js';
import type { BenchMessage } from './generateCorpus.js';
import { latencyStats } from './latencyStats.js';
import type { BenchSystem } from './systems/benchSystem.js';

/** Told how many messages will be timed at most, then how many are done, so a caller can draw progress. */
export interface ProgressReporter {
  start(total: number): void;
  update(done: number): void;
  stop(): void;
}

export interface RunSystemOptions {
  /** Messages run untimed first so the JIT and caches settle. */
  warmup: number;
  /**
   * Wall time for timing messages, in ms. Timing stops before a message that would probably overrun it,
   * after at least one message; messages are in random order, so the timed prefix is a fair sample.
   */
  budgetMs: number;
  progress?: ProgressReporter;
}

/**
 * A quality share over fewer messages than this is noise (one message reads as 0 % or 100 %), so it is
 * reported as not measured instead.
 */
const MIN_JUDGED = 5;
/** Warm-up is about the JIT, which settles within this; a slow system should not spend its budget here. */
const WARMUP_MAX_MS = 2_000;
/** Progress is reported every this many messages; per message would cost more than fast systems do. */
const PROGRESS_EVERY = 100;
const MB = 1024 * 1024;

/** Builds one system over the debunks, times it on the messages and scores what it returned. */
export function runSystem(
  system: BenchSystem,
  debunks: readonly Debunk[],
  allMessages: readonly BenchMessage[],
  options: RunSystemOptions,
): BenchRun {
  const messages = sample(allMessages, system.sampleSize?.(debunks.length));

  const heapBefore = heapInUse();
  const buildStart = performance.now();
  const handle = system.build(debunks);
  const buildMs = performance.now() - buildStart;
  const heapAfter = heapInUse();

  // A sampled system takes seconds per message: JIT warm-up is noise next to that, and one
  // warm-up message would cost as much as the sample.
  if (system.sampleSize === undefined) warmUp(system, handle, messages, options.warmup);

  options.progress?.start(messages.length);
  const durations: number[] = [];
  const tally = { hits: 0, rumors: 0, falseActs: 0, ordinary: 0 };
  const runStart = performance.now();
  let charsDone = 0;
  for (const message of messages) {
    if (durations.length > 0 && wouldOverrun(performance.now() - runStart, charsDone, message, options.budgetMs)) break;
    const start = process.hrtime.bigint();
    const result = system.run(handle, message.text);
    durations.push(Number(process.hrtime.bigint() - start) / 1e6);
    charsDone += message.text.length;
    score(system, result, message, tally);
    if (durations.length % PROGRESS_EVERY === 0) options.progress?.update(durations.length);
  }
  options.progress?.update(durations.length);
  options.progress?.stop();

  const share = (part: number, whole: number): number | null =>
    system.judge !== undefined && whole >= MIN_JUDGED ? part / whole : null;
  const result: BenchResult = {
    system: system.name,
    claims: debunks.length,
    buildMs,
    ...latencyStats(Float64Array.from(durations)),
    indexMB: heapBefore !== null && heapAfter !== null ? Math.max(0, heapAfter - heapBefore) / MB : null,
    rssMB: process.memoryUsage().rss / MB,
    hit1: share(tally.hits, tally.rumors),
    falseAct: share(tally.falseActs, tally.ordinary),
  };
  return { result, timedMessages: durations.length, timedRumors: tally.rumors, totalMessages: allMessages.length };
}

/**
 * Bytes the JavaScript heap and the buffers outside it (typed arrays' backing stores) hold after a
 * full collection; null when node does not expose `gc` (`--expose-gc`), since without a collection
 * the figure would count garbage too. Taken right before and after a build, the difference is the
 * index alone: the corpus is already in memory on both sides.
 */
function heapInUse(): number | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  // Twice: typed arrays' buffers freed by one collection leave the external count only once the
  // next collection finishes sweeping them (after a build, one collection over-counted 70 MB).
  gc();
  gc();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}

function warmUp(system: BenchSystem, handle: unknown, messages: readonly BenchMessage[], count: number): void {
  const start = performance.now();
  for (let i = 0; i < count && i < messages.length; i++) {
    system.run(handle, (messages[i] as BenchMessage).text);
    if (performance.now() - start > WARMUP_MAX_MS) return;
  }
}

/**
 * Predicts the next message's time from the time per character so far (every system here does work
 * roughly linear in message length) and says whether it would end past the budget.
 */
function wouldOverrun(elapsedMs: number, charsDone: number, next: BenchMessage, budgetMs: number): boolean {
  if (elapsedMs >= budgetMs) return true;
  const perChar = elapsedMs / Math.max(1, charsDone);
  return elapsedMs + perChar * next.text.length > budgetMs;
}

interface Tally {
  hits: number;
  rumors: number;
  falseActs: number;
  ordinary: number;
}

function score(system: BenchSystem, result: unknown, message: BenchMessage, tally: Tally): void {
  const verdict = system.judge?.(result);
  if (message.expectedId !== null) {
    tally.rumors++;
    if (verdict?.topId === message.expectedId) tally.hits++;
  } else {
    tally.ordinary++;
    if (verdict?.acts) tally.falseActs++;
  }
}

/** Evenly spaced messages, so a sample keeps the mix of lengths and rumor/ordinary of the whole set. */
function sample(messages: readonly BenchMessage[], size: number | undefined): readonly BenchMessage[] {
  if (size === undefined || size >= messages.length) return messages;
  const step = messages.length / size;
  return Array.from({ length: size }, (_, i) => messages[Math.floor(i * step)] as BenchMessage);
}
