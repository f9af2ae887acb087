import { ENV_DEFAULTS, readEnv } from '../config/env.js';
import { formatProblem, loadDebunks, type LoadProblem } from '../debunks/loadDebunks.js';
import { Engine } from '../engine/engine.js';
import { loadSettingsFile } from '../rules/loadSettings.js';
import { memoryStore } from '../store/keyvStore.js';

/** The rules file the commands read unless told otherwise. */
export const DEFAULT_RULES_FILE = 'rules/default.yaml';

/** The `--dir` and `--rules` options every engine-backed command shares. */
export interface EngineFlags {
  /** Debunk folder. @defaultValue DEBUNKS_DIR, else rules/debunks */
  dir?: string;
  /** Rules file. @defaultValue rules/default.yaml */
  rules?: string;
}

export interface LoadEngineOptions {
  /** The engine's clock (`scan` sets it to each message's time). @defaultValue Date.now */
  now?: () => number;
  /** Where problems are written. @defaultValue process.stderr */
  errors?: NodeJS.WritableStream;
}

/**
 * Builds an engine on a memory store from the debunk folder and the rules file. When either has
 * problems, every one of both is written (file:line: …), the exit code is set to 1 and the
 * result is undefined: the caller just returns.
 */
export async function loadEngine(flags: EngineFlags, options: LoadEngineOptions = {}): Promise<Engine | undefined> {
  const env = readEnv();
  // Only DEBUNKS_DIR and RULES_FILE matter here (the same as the bot reads, so a dry run decides
  // as the bot will); an unrelated bad variable (LOG_LEVEL) must not block a check.
  const dir = flags.dir ?? (env.ok ? env.env.DEBUNKS_DIR : ENV_DEFAULTS.DEBUNKS_DIR);
  const rules = loadSettingsFile(flags.rules ?? (env.ok ? env.env.RULES_FILE : DEFAULT_RULES_FILE));
  const debunks = await loadDebunks(dir);
  const problems: LoadProblem[] = [...(debunks.ok ? [] : debunks.problems), ...(rules.ok ? [] : rules.problems)];
  if (!debunks.ok || !rules.ok) {
    const errors = options.errors ?? process.stderr;
    for (const problem of problems) errors.write(`${formatProblem(problem)}\n`);
    process.exitCode = 1;
    return undefined;
  }
  return new Engine({
    debunks: debunks.debunks,
    rules: { raw: rules.raw, settings: rules.settings },
    store: memoryStore(),
    ...(options.now ? { now: options.now } : {}),
  });
}
