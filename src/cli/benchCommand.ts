import { Presets, SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { formatNotes, formatTable } from '../bench/formatTable.js';
import { BENCH_DEFAULTS, runBench } from '../bench/runBench.js';
import type { ProgressReporter } from '../bench/runSystem.js';
import { SYSTEM_NAMES, type SystemName } from '../bench/systems/index.js';
import { formatPipelineTable, formatReplayTable, PIPELINE_NOTES } from '../bench/pipeline/formatPipeline.js';
import { REPLAY_SIZES, runReplayBench } from '../bench/pipeline/replayBench.js';
import { PIPELINE_DEFAULTS, runPipelineBench, type PipelineResult } from '../bench/pipeline/pipelineBench.js';
import { ENV_DEFAULTS, readEnv } from '../config/env.js';
import { loadDebunks } from '../debunks/loadDebunks.js';
import { loadSettingsFile } from '../rules/loadSettings.js';
import { CliError } from './cliError.js';

interface BenchFlags {
  json?: boolean;
  /** commander's `--no-pipeline`: false skips the pipeline rows. */
  pipeline?: boolean;
  pipelineOnly?: boolean;
  groups?: number;
  pipelineMessages?: number;
  rate?: number;
  flood?: number;
  replay?: number[];
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
    .option('--no-pipeline', 'skip the pipeline rows (the whole moderation path on each store)')
    .option('--pipeline-only', 'run only the pipeline rows')
    .option('--groups <n>', `pipeline: groups talking (default ${PIPELINE_DEFAULTS.groups})`, positive)
    .option('--pipeline-messages <n>', `pipeline: messages per steady run (default ${PIPELINE_DEFAULTS.messages})`, positive)
    .option('--rate <n>', `pipeline: messages per second offered in the paced run (default ${PIPELINE_DEFAULTS.rate})`, positive)
    .option('--flood <n>', `pipeline: rumors flooding one group (default ${PIPELINE_DEFAULTS.flood})`, positive)
    .option('--replay <list>', `pipeline: outage sizes to replay, comma-separated (default ${REPLAY_SIZES.join(',')})`, positiveList)
    .action(async (flags: BenchFlags) => {
      const pipeline = flags.pipeline === false ? [] : await pipelineRows(flags);
      const replays = flags.pipeline === false ? [] : await runReplayBench(flags.replay);
      const pipelineText = () => `${formatPipelineTable(pipeline)}\n\n${formatReplayTable(replays)}\n\n${PIPELINE_NOTES}\n`;
      if (flags.pipelineOnly) {
        process.stdout.write(flags.json ? `${JSON.stringify({ results: [...pipeline, ...replays] })}\n` : pipelineText());
        return;
      }
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
        process.stdout.write(`${JSON.stringify({ results: [...runs.map((r) => r.result), ...pipeline, ...replays] })}\n`);
      } else {
        const gcExposed = typeof (globalThis as { gc?: unknown }).gc === 'function';
        process.stdout.write(`${formatTable(runs.map((r) => r.result))}\n\n${formatNotes(runs, gcExposed)}\n`);
        if (pipeline.length > 0) process.stdout.write(`\n${pipelineText()}`);
      }
    });
}

/** The pipeline rows on the example database and the default rules (DEBUNKS_DIR, RULES_FILE). */
async function pipelineRows(flags: BenchFlags): Promise<PipelineResult[]> {
  const env = readEnv();
  const dir = env.ok ? env.env.DEBUNKS_DIR : ENV_DEFAULTS.DEBUNKS_DIR;
  const rulesFile = env.ok ? env.env.RULES_FILE : ENV_DEFAULTS.RULES_FILE;
  const [debunks, rules] = [await loadDebunks(dir), loadSettingsFile(rulesFile)];
  if (!debunks.ok || !rules.ok) throw new CliError(`the pipeline bench needs a valid ${dir} and ${rulesFile}: run rumorguard db validate`);
  return runPipelineBench({
    debunks: debunks.debunks,
    rules: { raw: rules.raw, settings: rules.settings },
    ...(flags.groups ? { groups: flags.groups } : {}),
    ...(flags.pipelineMessages ? { messages: flags.pipelineMessages } : {}),
    ...(flags.flood ? { flood: flags.flood } : {}),
    ...(flags.rate ? { rate: flags.rate } : {}),
    ...(process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {}),
    ...(process.env.POSTGRES_URL ? { postgresUrl: process.env.POSTGRES_URL } : {}),
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