import { Presets, SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { formatNotes, formatTable } from '../bench/formatTable.js';
import { BENCH_DEFAULTS, runBench } from '../bench/runBench.js';
import type { ProgressReporter } from '../bench/runSystem.js';
import { SYSTEM_NAMES, type SystemName } from '../bench/systems/index.js';

interface BenchFlags {
  json?: boolean;
  sizes?: number[];
  messages?: number;
  warmup?: number;
  budget?: number;
  systems?: SystemName[];
  seed?: number;
}

/** `rumorguard bench`: speed and retrieval quality of the matcher against the libraries a user would try. */
export function benchCommand(): Command {
  return new Command('bench')
    .description('benchmark the matcher against fuse.js and MiniSearch on a generated corpus')
    .option('--json', 'print one JSON object {"results":[…]} on stdout instead of the table')
    .option('--sizes <list>', `database sizes, comma-separated (default ${BENCH_DEFAULTS.sizes.join(',')})`, positiveList)
    .option('--messages <n>', `messages per size (default ${BENCH_DEFAULTS.messages}; fuse times a sample)`, positive)
    .option('--warmup <n>', `untimed messages before timing (default ${BENCH_DEFAULTS.warmup})`, nonNegative)
    .option('--budget <seconds>', `timing budget per system and size (default ${BENCH_DEFAULTS.budgetSeconds})`, positive)
    .addOption(
      new Option('--systems <list>', `systems to run, comma-separated (default all: ${SYSTEM_NAMES.join(',')})`)
        .argParser(systemList),
    )
    .option('--seed <n>', `corpus seed (default ${BENCH_DEFAULTS.seed})`, nonNegative)
    .action((flags: BenchFlags) => {
      const runs = runBench({
        sizes: flags.sizes,
        messages: flags.messages,
        warmup: flags.warmup,
        budgetSeconds: flags.budget,
        systems: flags.systems,
        seed: flags.seed,
        progress: process.stderr.isTTY ? progressBar : undefined,
      });
      if (flags.json) {
        process.stdout.write(`${JSON.stringify({ results: runs.map((r) => r.result) })}\n`);
      } else {
        const gcExposed = typeof (globalThis as { gc?: unknown }).gc === 'function';
        process.stdout.write(`${formatTable(runs.map((r) => r.result))}\n\n${formatNotes(runs, gcExposed)}\n`);
      }
    });
}

/** One bar per system and size on stderr; it shows "building" until the index is ready. */
function progressBar(system: SystemName, claims: number): ProgressReporter {
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: `${system.padEnd(10)} ${String(claims).padStart(7)} claims  {phase} [{bar}] {value}/{total}`,
      clearOnComplete: true,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  bar.start(1, 0, { phase: 'building' });
  return {
    start: (total) => {
      bar.setTotal(total);
      bar.update(0, { phase: 'timing  ' });
    },
    update: (done) => bar.update(done),
    stop: () => bar.stop(),
  };
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`"${value}" is not a positive whole number.`);
  return n;
}

function nonNegative(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`"${value}" is not a whole number ≥ 0.`);
  return n;
}

function positiveList(value: string): number[] {
  return value.split(',').map((part) => positive(part.trim()));
}

function systemList(value: string): SystemName[] {
  return value.split(',').map((part) => {
    const name = part.trim();
    if (!(SYSTEM_NAMES as readonly string[]).includes(name)) {
      throw new InvalidArgumentError(`"${name}" is not a system; choose from ${SYSTEM_NAMES.join(', ')}.`);
    }
    return name as SystemName;
  });
}

// Run when executed directly (`npm run bench`), not when imported by a command registry or a test.