import type { Env } from '../src/config/env.js';
import { formatProblems, loadDebunks } from '../src/debunks/loadDebunks.js';
import { Engine } from '../src/engine/engine.js';
import { FeedbackQueue } from '../src/feedback/feedbackQueue.js';
import { Moderator } from '../src/moderation/moderator.js';
import { openLedgerBackend } from '../src/ledger/backends/openLedgerBackend.js';
import { Checkpointer } from '../src/ledger/checkpoints/checkpointer.js';
import { Ledger } from '../src/ledger/ledger.js';
import { reconnectingBackend } from '../src/ledger/reconnectingBackend.js';
import { Recorder } from '../src/ledger/recorder.js';
import { Spool } from '../src/ledger/spool.js';
import { loadSettingsFile } from '../src/rules/loadSettings.js';
import { openStore, type OpenedStore } from '../src/store/openStore.js';
import { redactUrl } from '../src/store/redactUrl.js';
import { checkSchemaVersion } from '../src/store/schemaVersion.js';
import { createLogger, type Logger } from '../src/lib/logger.js';
import { checkShardableStore, isShardProcess, runDiscord, runShardManager, shardIds } from './discord/runDiscord.js';
import { runPlayground } from './console/playground.js';
import { runTelegram } from './telegram/runTelegram.js';

interface StartIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  errors: NodeJS.WritableStream;
  /** Resolves when a connected bot should stop. @defaultValue the first SIGINT or SIGTERM */
  stop?: Promise<unknown>;
}

/** Runs a connected bot to its end; a failure to start is logged (token-free) and exits 1. */
async function runOrFail(log: Logger, what: string, run: () => Promise<void>): Promise<number> {
  try {
    await run();
    return 0;
  } catch (error) {
    log.fatal({ err: error }, `${what}: cannot start`);
    return 1;
  }
}

/** Each shard process keeps its own spool, so they never write one file at once. */
function spoolFile(configured: string): string {
  const ids = shardIds();
  return ids ? `${configured}.shard-${ids.join('-')}` : configured;
}

/** How often a bot started by npm checks that npm is still there. */
const PARENT_CHECK_MS = 1_000;

/**
 * The first SIGINT or SIGTERM; in a shard process also the loss of the channel to the
 * ShardingManager, so shards never outlive a manager that was killed. Under `npm start` also the
 * loss of npm: a process manager's SIGTERM (docker stop, pm2) reaches npm, which passes it to
 * `sh -c`; where sh is dash it dies without passing it on, and the bot would run on as an orphan.
 */
function stopSignal(): Promise<NodeJS.Signals | 'manager gone' | 'npm gone'> {
  return new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    if (isShardProcess()) process.once('disconnect', () => resolve('manager gone'));
    if (process.env.npm_lifecycle_event) {
      const parent = process.ppid;
      const watch = setInterval(() => {
        if (process.ppid === parent) return;
        clearInterval(watch);
        resolve('npm gone');
      }, PARENT_CHECK_MS);
      watch.unref();
    }
  });
}

/**
 * `rumorguard start`: connects to the platforms whose tokens are set, or, with none, opens the
 * local playground on the example database. Returns the process exit code.
 */
export async function start(env: Env, io: StartIo): Promise<number> {
  const [debunks, rules] = [await loadDebunks(env.DEBUNKS_DIR), loadSettingsFile(env.RULES_FILE)];
  const problems = [...(debunks.ok ? [] : debunks.problems), ...(rules.ok ? [] : rules.problems)];
  if (!debunks.ok || !rules.ok) {
    io.errors.write(`RumorGuard cannot start; fix these and start again:\n${formatProblems(problems)}\n`);
    return 1;
  }
  const log = createLogger({
    level: env.LOG_LEVEL,
    secrets: [env.TELEGRAM_BOT_TOKEN, env.DISCORD_TOKEN, env.TELEGRAM_WEBHOOK_SECRET ?? ''],
  });
  // Made on first use: listening for SIGINT in the playground would keep Ctrl-C from quitting it.
  let stopping: Promise<unknown> | undefined;
  const stop = () => (stopping ??= io.stop ?? stopSignal());
  if (env.DISCORD_TOKEN && env.SHARDS && !isShardProcess()) {
    // The manager only starts the shard processes; each opens the store itself.
    const shardable = checkShardableStore(env.STORE_URL);
    if (!shardable.ok) {
      io.errors.write(`RumorGuard cannot start: ${shardable.reason}\n`);
      return 1;
    }
    if (env.TELEGRAM_BOT_TOKEN) log.info('telegram: runs in the process of shard 0');
    return runOrFail(log, 'discord shards', () => runShardManager(env, log, stop()));
  }
  const opened = await openCheckedStore(env.STORE_URL, io);
  if (!opened) return 1;
  // The ledger reconnects by itself after an outage; meanwhile records wait in the spool.
  const ledgerBackend = reconnectingBackend(() => openLedgerBackend(env.STORE_URL));
  // Signs each group's chain head after every delivered batch and at shutdown (LEDGER_KEY_FILE).
  let checkpointer: Checkpointer | undefined;
  try {
    const signing = await Checkpointer.open({
      keyFile: env.LEDGER_KEY_FILE,
      checkpointFile: env.LEDGER_CHECKPOINT_FILE,
      backend: ledgerBackend,
      warn: (message) => log.warn(message),
    });
    if (!signing.ok) {
      io.errors.write(`RumorGuard cannot start: ${signing.error}\n`);
      return 1;
    }
    checkpointer = signing.checkpointer;
    if (signing.keyCreated) log.info(`ledger: new signing key ${checkpointer.keyId} in ${env.LEDGER_KEY_FILE}; back it up`);
    const engine = new Engine({ debunks: debunks.debunks, rules, store: opened.store });
    const ledger = new Ledger(ledgerBackend, { textDays: env.LEDGER_TEXT_DAYS, checkpoints: checkpointer });
    const recorder = new Recorder(ledger, new Spool(spoolFile(env.SPOOL_FILE)), { onDelivered: (entries) => checkpointer?.delivered(entries) });
    // Records a previous run could not deliver go first.
    await recorder.flush();
    const moderator = new Moderator(engine, recorder, new FeedbackQueue(opened.store));
    const core = { moderator, ledger, store: opened.store, log };
    const bots: Promise<void>[] = [];
    if (env.DISCORD_TOKEN) bots.push(runDiscord(env, core, stop()));
    // With shards, one Telegram bot: in shard 0's process.
    if (env.TELEGRAM_BOT_TOKEN && (shardIds()?.includes(0) ?? true)) bots.push(runTelegram(env, core, stop()));
    if (bots.length > 0 || isShardProcess()) return await runOrFail(log, 'bot', () => Promise.all(bots).then(() => undefined));
    io.output.write(
      `RumorGuard playground: ${engine.debunkCount} debunks from ${debunks.files.length} file(s) in ${env.DEBUNKS_DIR}, rules from ${env.RULES_FILE}, state and ledger in ${redactUrl(env.STORE_URL)}.\n` +
        'To connect a real group, put DISCORD_TOKEN or TELEGRAM_BOT_TOKEN in .env (see .env.example).\n',
    );
    await runPlayground({ moderator, ledger, input: io.input, output: io.output });
    return 0;
  } finally {
    await checkpointer?.close();
    await ledgerBackend.close();
    await opened.close();
  }
}

/** Opens STORE_URL and checks its schema; on failure says why on `errors` and returns undefined. */
async function openCheckedStore(url: string, io: StartIo): Promise<OpenedStore | undefined> {
  let opened: OpenedStore;
  try {
    opened = await openStore(url);
  } catch (error) {
    // StoreError messages name the backend and redact the password.
    io.errors.write(`RumorGuard cannot start: ${(error as Error).message}\nSet STORE_URL in .env (see .env.example).\n`);
    return undefined;
  }
  const schema = await checkSchemaVersion(opened.store).catch((error: Error) => ({ ok: false as const, message: error.message }));
  if (!schema.ok) {
    io.errors.write(`RumorGuard cannot start: ${schema.message}\n`);
    await opened.close();
    return undefined;
  }
  return opened;
}
