import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The compiled `rumorguard` bin; test/cli/buildBin.ts builds it before the tests run. */
export const BIN = path.join(REPO_ROOT, 'dist/cli.js');

export interface RunCliOptions {
  /** @defaultValue the repository root */
  cwd?: string;
  /** Set on top of the inherited environment; `undefined` removes a variable. */
  env?: NodeJS.ProcessEnv;
  /** Standard input. */
  input?: string;
}

/** The variables of the test's own environment that would change what the CLI does. */
const ISOLATED = ['STORE_URL', 'DEBUNKS_DIR', 'RULES_FILE', 'RUMORGUARD_DEBUG'];

/**
 * Runs `rumorguard <args>` as a user would: the compiled bin in a child process. The caller's
 * STORE_URL, DEBUNKS_DIR, RULES_FILE and RUMORGUARD_DEBUG are not passed on unless `env` sets them.
 */
export function runCli(args: readonly string[], options: RunCliOptions = {}) {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !ISOLATED.includes(name)));
  const env = Object.fromEntries(Object.entries({ ...inherited, ...options.env }).filter(([, value]) => value !== undefined));
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env,
    encoding: 'utf8',
    timeout: 60_000,
    ...(options.input === undefined ? {} : { input: options.input }),
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
