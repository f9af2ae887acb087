import type { Debunk } from '../debunks/schema.js';
import type { BenchResult } from './benchResult.js';
import type { BenchMessage } from './generateCorpus.js';
import { latencyStats } from './latencyStats.js';
import type { BenchSystem } from './systems/benchSystem.js';

/** Told how many messages will be timed, then how many are done, so a caller can draw progress. */
export interface ProgressReporter {
  start(total: number): void;
  update(done: number): void;
  stop(): void;
}

export interface RunSystemOptions {
  /** Messages run untimed first so the JIT and caches settle. */
  warmup: number;
  progress?: ProgressReporter;
}

/** Progress is reported every this many messages; per message would cost more than fast systems do. */
const PROGRESS_EVERY = 100;
const MB = 1024 * 1024;

/** Builds one system over the debunks, times it on the messages and scores what it returned. */
export function runSystem(
  system: BenchSystem,
  debunks: readonly Debunk[],
  allMessages: readonly BenchMessage[],
  options: RunSystemOptions,
): BenchResult {
  const messages = sample(allMessages, system.sampleSize?.(debunks.length));

  const buildStart = performance.now();
  const handle = system.build(debunks);
  const buildMs = performance.now() - buildStart;

  // Slow systems run a sample; warming them on hundreds of messages would cost more than the sample.
  const warmup = Math.min(options.warmup, Math.ceil(messages.length / 10));
  for (let i = 0; i < warmup; i++) system.run(handle, (messages[i % messages.length] as BenchMessage).text);

  options.progress?.start(messages.length);
  const durations = new Float64Array(messages.length);
  let hits = 0;
  let rumors = 0;
  let falseActs = 0;
  let ordinary = 0;
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i] as BenchMessage;
    const start = process.hrtime.bigint();
    const result = system.run(handle, message.text);
    durations[i] = Number(process.hrtime.bigint() - start) / 1e6;

    const verdict = system.judge?.(result);
    if (message.expectedId !== null) {
      rumors++;
      if (verdict?.topId === message.expectedId) hits++;
    } else {
      ordinary++;
      if (verdict?.acts) falseActs++;
    }
    if ((i + 1) % PROGRESS_EVERY === 0) options.progress?.update(i + 1);
  }
  options.progress?.update(messages.length);
  options.progress?.stop();

  const judged = system.judge !== undefined;
  return {
    system: system.name,
    claims: debunks.length,
    buildMs,
    ...latencyStats(durations),
    rssMB: process.memoryUsage().rss / MB,
    hit1: judged && rumors > 0 ? hits / rumors : null,
    falseAct: judged && ordinary > 0 ? falseActs / ordinary : null,
  };
}

/** Evenly spaced messages, so a sample keeps the mix of lengths and rumor/ordinary of the whole set. */
function sample(messages: readonly BenchMessage[], size: number | undefined): readonly BenchMessage[] {
  if (size === undefined || size >= messages.length) return messages;
  const step = messages.length / size;
  return Array.from({ length: size }, (_, i) => messages[Math.floor(i * step)] as BenchMessage);
}
