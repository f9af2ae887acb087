import { Option } from 'commander';
import { ENV_DEFAULTS } from '../../config/env.js';
import { formatProblems, loadDebunks } from '../../debunks/loadDebunks.js';
import type { Debunk } from '../../debunks/schema.js';

/** `--dir <folder>`, which every `db` subcommand takes. */
export function dirOption(): Option {
  return new Option('--dir <folder>', `folder of debunk files (default: $DEBUNKS_DIR, else ${ENV_DEFAULTS.DEBUNKS_DIR})`);
}

/**
 * The folder to work on: `--dir`, else DEBUNKS_DIR (adapters/cli.ts has loaded .env by now), else
 * the default. Read here rather than through readEnv so that a bad LOG_LEVEL does not stop
 * `db validate`.
 */
export function databaseFolder(dir: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return dir ?? (env.DEBUNKS_DIR ? env.DEBUNKS_DIR : ENV_DEFAULTS.DEBUNKS_DIR);
}

/** Loads the folder for a read-only command; on problems prints them to stderr, sets exit code 1 and returns undefined. */
export async function loadOrReport(dir: string): Promise<Debunk[] | undefined> {
  const result = await loadDebunks(dir);
  if (result.ok) return result.debunks;
  process.stderr.write(`${formatProblems(result.problems)}\n`);
  process.exitCode = 1;
  return undefined;
}
