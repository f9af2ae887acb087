import path from 'node:path';
import type { Env } from '../src/config/env.js';
import { formatProblems, loadDebunks } from '../src/debunks/loadDebunks.js';
import { createCore, type Core } from '../src/moderation/createCore.js';
import { watchDebunks } from '../src/debunks/watchDebunks.js';
import { ocrOptions } from '../src/config/ocrEnv.js';
import { FeedPoller } from '../src/debunks/feeds/feedPoller.js';
import { loadSettingsFile } from '../src/rules/loadSettings.js';
import { redactUrl } from '../src/store/redactUrl.js';
import { createLogger, loggedError, type Logger } from '../src/lib/logger.js';
import { checkShardableStore, isShardProcess, runDiscord, runShardManager, shardIds } from './discord/runDiscord.js';
import { PLAYGROUND_GROUP, PLAYGROUND_OWNER } from './console/consoleDirectory.js';
import { ConsoleMutes } from './console/consoleMutes.js';
import { runPlayground } from './console/playground.js';
import type { RunningDashboard } from './startDashboard.js';
import { runTelegram } from './telegram/runTelegram.js';

interface StartIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  errors: NodeJS.WritableStream;
  /** Resolves when a connected bot should stop. @defaultValue the first SIGINT or SIGTERM */
  stop?: Promise<unknown>;
}

/**
 * Runs a connected bot to its end; a failure is logged (token-free) on one fatal line and exits 1
 * (start's caller then flushes the spool and closes the store).
 */
async function runOrFail(log: Logger, what: string, run: () => Promise<void>): Promise<number> {
  try {
    await run();
    return 0;
  } catch (error) {
    const reason = error instanceof Error && error.message ? `: ${error.message}` : '';
    log.fatal({ err: loggedError(error) }, `${what}: cannot go on${reason}`);
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
  const created = await createCore({
    debunks: debunks.debunks,
    rules,
    storeUrl: env.STORE_URL,
    spoolFile: spoolFile(env.SPOOL_FILE),
    signing: { keyFile: env.LEDGER_KEY_FILE, checkpointFile: env.LEDGER_CHECKPOINT_FILE },
    textDays: env.LEDGER_TEXT_DAYS,
    operatorIds: env.OPERATOR_IDS,
    reviewShares: env.REVIEW_SHARES,
    log,
    ocr: ocrOptions(env),
  });
  if (!created.ok) {
    io.errors.write(`RumorGuard cannot start: ${created.error}\n`);
    return 1;
  }
  const { engine, moderator, ledger, store } = created.core;
  const feeds = startFeeds(env, created.core, log);
  const playground = !env.DISCORD_TOKEN && !env.TELEGRAM_BOT_TOKEN && !isShardProcess();
  // The playground's mutes, shared by its chat and its dashboard (a pardon on either lifts one).
  const playgroundMutes = new ConsoleMutes();
  // One dashboard per bot: with shards, shard 0's process serves it. Loaded only when it runs:
  // the web server's modules would slow every start that has it off.
  const dashboard =
    env.DASHBOARD_PORT === 'off' || shardIds()?.includes(0) === false
      ? undefined
      : await (await import('./startDashboard.js')).startDashboard(env, { moderator, ledger, store, log }, playground, playgroundMutes);
  // The other shards issue links too (kept in the shared store); shard 0's dashboard redeems them.
  const otherShard = shardIds()?.includes(0) === false && env.DASHBOARD_PORT !== 'off' && env.DASHBOARD_PORT !== 0;
  const links = dashboard ?? (otherShard ? (await import('./startDashboard.js')).linksOnly(env, store) : undefined);
  try {
    const core = { moderator, ledger, store, log, ...(links ? { dashboard: links } : {}) };
    const bots: Promise<void>[] = [];
    if (env.DISCORD_TOKEN) bots.push(runDiscord(env, core, stop()));
    // With shards, one Telegram bot: in shard 0's process.
    if (env.TELEGRAM_BOT_TOKEN && (shardIds()?.includes(0) ?? true)) bots.push(runTelegram(env, core, stop()));
    if (bots.length > 0 || isShardProcess()) return await runOrFail(log, 'bot', () => Promise.all(bots).then(() => undefined));
    io.output.write(
      `RumorGuard playground: ${engine.debunkCount} debunks from ${debunks.files.length} file(s) in ${env.DEBUNKS_DIR}, rules from ${env.RULES_FILE}, state and ledger in ${redactUrl(env.STORE_URL)}.\n` +
        'To connect a real group, put DISCORD_TOKEN or TELEGRAM_BOT_TOKEN in .env (see .env.example).\n',
    );
    if (dashboard) io.output.write(await playgroundLogin(dashboard, (await engine.settingsFor(PLAYGROUND_GROUP.id).catch(() => undefined))?.language));
    // Reports go beside the ledger's signing key (data/ by default), in exports/.
    const exportDir = path.join(path.dirname(env.LEDGER_KEY_FILE), 'exports');
    await runPlayground({ moderator, ledger, input: io.input, output: io.output, exportDir, mutes: playgroundMutes, ...(dashboard ? { dashboardLinks: dashboard.links } : {}) });
    return 0;
  } finally {
    feeds.close();
    await dashboard?.close();
    // The last records delivered (as far as the store lets them), the heads signed, files closed.
    await created.core.close();
  }
}

/**
 * What changes the database while the bot runs: the debunk folder watched (a broken file keeps
 * the last good database and alerts the operators), and the operator's feeds polled.
 */
function startFeeds(env: Env, core: Core, log: Logger): { close(): void } {
  const watch =
    env.DEBUNKS_WATCH === 'on'
      ? watchDebunks(env.DEBUNKS_DIR, {
          onLoaded: async (debunks) => {
            await core.library.setFiles(debunks);
            log.info({ debunks: debunks.length }, `debunks: ${env.DEBUNKS_DIR} reloaded`);
          },
          onBroken: (_problems, text) =>
            void core.operators.alert('debunks', `The debunk files in ${env.DEBUNKS_DIR} were changed and are not valid; the bot keeps the last good database.\n${text}`),
        })
      : undefined;
  const feeds =
    env.DEBUNK_FEEDS.length > 0
      ? new FeedPoller({
          feeds: env.DEBUNK_FEEDS,
          intervalMs: env.DEBUNK_FEED_MINUTES * 60_000,
          apply: (name, debunks) => core.library.setFeed(name, debunks),
          report: (name, text) => void core.operators.alert(`feed:${name}`, text),
        })
      : undefined;
  void feeds?.start().then((outcomes) =>
    outcomes.forEach((o, i) => o.status === 'updated' && log.info({ feed: env.DEBUNK_FEEDS[i]!.name, imported: o.imported }, 'debunks: feed imported')),
  );
  return {
    close() {
      watch?.close();
      feeds?.close();
    },
  };
}

/** How the playground's owner logs in to the dashboard: a first link, and how to get another. */
async function playgroundLogin(dashboard: RunningDashboard, language: 'auto' | 'en' | 'zh' = 'auto'): Promise<string> {
  const { url } = await dashboard.links.issue({
    platform: 'console',
    user: { id: PLAYGROUND_OWNER, name: PLAYGROUND_OWNER },
    groupId: PLAYGROUND_GROUP.id,
    groupTitle: PLAYGROUND_GROUP.title,
    // In the group's language, as `/rg dashboard` gives it (a group set to `/rg lang zh` opens in Chinese).
    lang: language === 'zh' ? 'zh' : 'en',
  });
  return `Dashboard: ${dashboard.url}. Log in as the group's owner with ${url} (works once, for 10 minutes); for another link type /as ${PLAYGROUND_OWNER}, then /rg dashboard.\n`;
}
