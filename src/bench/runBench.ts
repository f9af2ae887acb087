import { BENCH_SEED, generateCorpus } from './generateCorpus.js';
import type { BenchRun } from './benchResult.js';
import { runSystem, type ProgressReporter } from './runSystem.js';
import { SYSTEMS, type BenchSystem, type SystemName } from './systems/index.js';

/** What the bench runs. */
export interface BenchOptions {
  /** Database sizes, in debunks. @defaultValue BENCH_DEFAULTS.sizes */
  sizes?: readonly number[];
  /** Messages per size (systems with a `sampleSize` time fewer). @defaultValue BENCH_DEFAULTS.messages */
  messages?: number;
  /** Untimed messages before timing. @defaultValue BENCH_DEFAULTS.warmup */
  warmup?: number;
  /** Seconds of timing per system and size before the rest of the messages are skipped. @defaultValue BENCH_DEFAULTS.budgetSeconds */
  budgetSeconds?: number;
  /** Which systems to run. @defaultValue every system */
  systems?: readonly SystemName[];
  /** Corpus seed. @defaultValue BENCH_SEED */
  seed?: number;
  /** Gives the progress reporter for one system at one size. */
  progress?: (system: SystemName, claims: number) => ProgressReporter;
}

export const BENCH_DEFAULTS = {
  sizes: [1_000, 10_000, 100_000],
  messages: 20_000,
  warmup: 300,
  // fuse.js needs tens of seconds per message at 100k claims and MiniSearch a few hundred ms per long
  // message; 30 s each keeps the default run to a few minutes on two cores.
  budgetSeconds: 30,
  systems: SYSTEMS.map((s) => s.name),
  seed: BENCH_SEED,
} as const satisfies Required<Omit<BenchOptions, 'progress'>>;

/**
 * Runs every system at every size in this process, one after another, on the same generated corpus
 * per size. Systems share the heap, so a collection runs between them when node exposes `gc`
 * (`--expose-gc`); otherwise one system's garbage can show up in the next one's RSS.
 */
export function runBench(options: BenchOptions = {}): BenchRun[] {
  // `??` rather than spreading, so an explicit `undefined` (an absent CLI flag) keeps the default.
  const config = {
    sizes: options.sizes ?? BENCH_DEFAULTS.sizes,
    messages: options.messages ?? BENCH_DEFAULTS.messages,
    warmup: options.warmup ?? BENCH_DEFAULTS.warmup,
    budgetMs: (options.budgetSeconds ?? BENCH_DEFAULTS.budgetSeconds) * 1000,
    systems: options.systems ?? BENCH_DEFAULTS.systems,
    seed: options.seed ?? BENCH_DEFAULTS.seed,
  };
  const systems = config.systems.map(findSystem);
  const runs: BenchRun[] = [];
  for (const claims of config.sizes) {
    const corpus = generateCorpus({ claims, messages: config.messages, seed: config.seed });
    for (const system of systems) {
      collectGarbage();
      const progress = options.progress?.(system.name, claims);
      const { warmup, budgetMs } = config;
      runs.push(runSystem(system, corpus.debunks, corpus.messages, { warmup, budgetMs, progress }));
    }
  }
  collectGarbage();
  return runs;
}

function findSystem(name: SystemName): BenchSystem {
  const system = SYSTEMS.find((s) => s.name === name);
  if (!system) throw new Error(`unknown system "${name}"; known: ${SYSTEMS.map((s) => s.name).join(', ')}`);
  return system;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
