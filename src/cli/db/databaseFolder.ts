import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Argument, Option } from 'commander';
import { ENV_DEFAULTS } from '../../config/env.js';
import { DEBUNK_FILE_EXTENSIONS } from '../../debunks/debunkFolder.js';
import { loadDebunkFile } from '../../debunks/loadDebunkFile.js';
import { formatProblems, loadDebunks, type LoadResult } from '../../debunks/loadDebunks.js';
import type { Debunk } from '../../debunks/schema.js';
import { CliError } from '../cliError.js';

const DEFAULT_FOLDER = `default: $DEBUNKS_DIR, else ${ENV_DEFAULTS.DEBUNKS_DIR}`;
/** What the commands that only read the database (validate, list, search) accept: a folder or one file. */
const READ_TARGET = 'folder of debunk files, or one debunk file read on its own';

/**
 * `--dir <folder>`, which every `db` subcommand takes. `readOnly`: the command reads the database
 * (validate, list, search), so one file will do as well; `import` writes into a folder.
 */
export function dirOption(readOnly = false): Option {
  return new Option('--dir <folder>', `${readOnly ? READ_TARGET : 'folder of debunk files'} (${DEFAULT_FOLDER})`);
}

/** `[path]`, the positional form of `--dir`, for the commands with no other positional argument. */
export function pathArgument(): Argument {
  return new Argument('[path]', `same as --dir: ${READ_TARGET} (${DEFAULT_FOLDER})`);
}

/**
 * The folder to work on: `--dir`, else DEBUNKS_DIR (adapters/cli.ts has loaded .env by now), else
 * the default. Read here rather than through readEnv so that a bad LOG_LEVEL does not stop
 * `db validate`.
 */
export function databaseFolder(dir: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return dir ?? (env.DEBUNKS_DIR ? env.DEBUNKS_DIR : ENV_DEFAULTS.DEBUNKS_DIR);
}

/**
 * The folder (or file) named by the `[path]` argument or `--dir`, which mean the same; either
 * overrides DEBUNKS_DIR (see {@link databaseFolder}). Both given must name the same place.
 */
export function chosenFolder(positional: string | undefined, dir: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (positional !== undefined && dir !== undefined && path.resolve(positional) !== path.resolve(dir)) {
    throw new CliError(`"${positional}" and --dir "${dir}" name different places: give one of them`);
  }
  return databaseFolder(positional ?? dir, env);
}

/**
 * Loads `target` for a read-only command: a folder as the bot loads it, or a single debunk file
 * on its own. A path that is not there is a folder unless its name ends like a debunk file, so
 * a mistyped file name is reported as a file.
 */
export async function loadDatabase(target: string): Promise<LoadResult> {
  const kind = await stat(target).then(
    (s) => (s.isDirectory() ? 'folder' : 'file'),
    () => ((DEBUNK_FILE_EXTENSIONS as readonly string[]).includes(path.extname(target).toLowerCase()) ? 'file' : 'folder'),
  );
  return kind === 'file' ? loadDebunkFile(target) : loadDebunks(target);
}

/** Loads `target` (see {@link loadDatabase}); on problems prints them to stderr, sets exit code 1 and returns undefined. */
export async function loadOrReport(target: string): Promise<Debunk[] | undefined> {
  const result = await loadDatabase(target);
  if (result.ok) return result.debunks;
  process.stderr.write(`${formatProblems(result.problems)}\n`);
  process.exitCode = 1;
  return undefined;
}
