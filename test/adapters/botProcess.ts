import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { ENV_DEFAULTS } from '../../src/config/env.js';
import { REPO } from '../engine/harness.js';

/*
 * The bot as an owner runs it: `npm start` in the repository (or the command it runs), a child of
 * the test process, with every setting in its environment. The fakes stay in the test process;
 * tests wait on what the fakes recorded, polling with a deadline, and fail with what the fake saw
 * and what the bot logged.
 */

/** How often a wait looks again: short, so a wait costs what the bot takes and no more. */
const POLL_MS = 20;

/**
 * The environment for the bot: the test runner's own (PATH, HOME, …) without any RumorGuard
 * setting from the developer's shell, plus `settings`. Every variable the bot reads is set, empty
 * when not given, because dotenv never overrides a variable that is set: a developer's `.env` in
 * the repository cannot leak into the run.
 */
export function botEnv(settings: Partial<Record<keyof typeof ENV_DEFAULTS, string>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // discord.js's ShardingManager sets these in shard processes; the bot reads them too.
  for (const key of ['SHARDING_MANAGER', 'SHARDING_MANAGER_MODE', 'SHARDS', 'SHARD_COUNT']) delete env[key];
  for (const key of Object.keys(ENV_DEFAULTS)) env[key] = '';
  // Bots started side by side must not race for the dashboard's port: tests that want it ask.
  env.DASHBOARD_PORT = 'off';
  return { ...env, ...settings };
}

/** How the bot was started: the way an owner types it, or the command `npm start` runs. */
export type Launch =
  /** `npm start`: npm, then `sh -c`, then node running the bot. */
  | 'npm start'
  /** `node --import tsx adapters/cli.ts start`: what `npm start` runs, and what a process manager should run. */
  | 'node';

/** How the run ended. */
export interface Ended {
  /** The exit code of the process the test started (npm, or node); null if a signal ended it. */
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A bot started with {@link startBotProcess}. */
export interface BotProcess {
  readonly child: ChildProcess;
  /** Everything the bot wrote so far, stdout and stderr interleaved as they arrived. */
  log(): string;
  /**
   * Polls `probe` until it returns something other than undefined, null or false, and returns that.
   * Fails at once if the bot exited, or after `timeoutMs`, with `seen()` (what the fake recorded)
   * and the bot's log in the message.
   */
  waitFor<T>(what: string, probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, seen?: () => string, timeoutMs?: number): Promise<T>;
  /**
   * Sends `signal` to the process the test started, or with `{ group: true }` to all its processes
   * at once, as Ctrl-C in a terminal or systemd's stop does. Resolves once every process holding
   * the bot's output has exited; fails after `timeoutMs` with the log.
   */
  stop(signal: NodeJS.Signals, options?: { group?: boolean; timeoutMs?: number }): Promise<Ended>;
  /** SIGKILL to every process of the run that is still there; for clean-up. */
  kill(): void;
}

/**
 * Starts the bot in the repository with `env` (see {@link botEnv}), in a process group of its own
 * so that nothing it started can outlive the test.
 */
export function startBotProcess(env: NodeJS.ProcessEnv, launch: Launch = 'npm start'): BotProcess {
  const [command, args] = launch === 'npm start' ? ['npm', ['start']] : [process.execPath, ['--import', import.meta.resolve('tsx'), path.join(REPO, 'adapters/cli.ts'), 'start']];
  const child = spawn(command, args, { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const chunks: string[] = [];
  child.stdout!.on('data', (chunk) => chunks.push(String(chunk)));
  child.stderr!.on('data', (chunk) => chunks.push(String(chunk)));
  // 'close' comes once the process exited and every process that inherited its output (sh, node)
  // has closed it: then the whole run is over.
  const closed = new Promise<Ended>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  let over = false;
  void closed.then(() => (over = true));
  const log = () => chunks.join('');
  return {
    child,
    log,
    async waitFor(what, probe, seen = () => '', timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = await probe();
        if (value !== undefined && value !== null && value !== false) return value;
        const why = child.exitCode !== null || child.signalCode !== null ? `the bot exited (${child.exitCode ?? child.signalCode})` : Date.now() > deadline ? `${timeoutMs} ms passed` : undefined;
        if (why) throw new Error(`Waiting for ${what}: ${why}.\nThe fake saw:\n${seen()}\nThe bot logged:\n${log()}`);
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    },
    async stop(signal, { group = false, timeoutMs = 20_000 } = {}) {
      if (group) process.kill(-child.pid!, signal);
      else child.kill(signal);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`The bot did not stop within ${timeoutMs} ms of ${signal}${group ? ' to its process group' : ''}. It logged:\n${log()}`)), timeoutMs);
      });
      try {
        return await Promise.race([closed, late]);
      } finally {
        clearTimeout(timer);
      }
    },
    kill() {
      if (over) return;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    },
  };
}

/** What a finished command printed and its exit code. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the rumorguard command line (`tsx adapters/cli.ts …`) in the repository with `env`. */
export async function runCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  const child = spawn(path.join(REPO, 'node_modules/.bin/tsx'), [path.join(REPO, 'adapters/cli.ts'), ...args], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: string[] = [];
  const err: string[] = [];
  child.stdout.on('data', (chunk) => out.push(String(chunk)));
  child.stderr.on('data', (chunk) => err.push(String(chunk)));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}
