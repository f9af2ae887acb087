import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { consoleDirectory, consoleDirectoryWith } from '../../adapters/console/consoleDirectory.js';
import { ConsoleMutes } from '../../adapters/console/consoleMutes.js';
import { runPlayground } from '../../adapters/console/playground.js';
import type { AdminDirectory } from '../../src/dashboard/adminDirectory.js';
import { createDashboard, type Dashboard } from '../../src/dashboard/dashboardServer.js';
import { loadDebunks } from '../../src/debunks/loadDebunks.js';
import type { ChatMember } from '../../src/engine/chatMessage.js';
import type { LedgerEntry } from '../../src/ledger/ledgerEntry.js';
import { createLogger } from '../../src/lib/logger.js';
import { createCore, type Core } from '../../src/moderation/createCore.js';
import { DEFAULT_RULES, REPO } from '../engine/harness.js';

/** How long a wait for the playground's answer may take before the test fails with what it printed. */
const WAIT_MS = 15_000;

/**
 * The bot as `npm start` runs it in playground mode, with the dashboard: the core on a real
 * SQLite store and ledger with a signing key (all in a temporary folder), a copy of the shipped
 * debunk folder the dashboard may edit, the playground reading lines the test writes, and the
 * dashboard on a free port. The clock the dashboard reads can be moved forward (link expiry,
 * the hourly admin check); the playground's own admin check can be switched off (a demotion).
 */
export async function startDashboardWorld() {
  const dir = mkdtempSync(path.join(tmpdir(), 'rg-dashboard-'));
  const debunksDir = path.join(dir, 'debunks');
  mkdirSync(debunksDir);
  copyFileSync(path.join(REPO, 'rules/debunks/examples.yaml'), path.join(debunksDir, 'examples.yaml'));
  const debunks = await loadDebunks(debunksDir);
  if (!debunks.ok) throw new Error('the copied debunk folder does not load');
  const storeUrl = `sqlite://${path.join(dir, 'store.sqlite')}`;
  const checkpointFile = path.join(dir, 'checkpoints.json');
  const log = createLogger({ level: 'silent', secrets: [] });
  const created = await createCore({
    debunks: debunks.debunks,
    rules: DEFAULT_RULES,
    storeUrl,
    spoolFile: path.join(dir, 'spool.jsonl'),
    signing: { keyFile: path.join(dir, 'key.pem'), checkpointFile },
    log,
  });
  if (!created.ok) throw new Error(created.error);
  const core: Core = created.core;

  let skewMs = 0;
  let demoted = false;
  // The playground's directory, with a switch that demotes the owner (as a platform would).
  // Its mutes are the playground's, so a pardon on the dashboard lifts one as in start.ts.
  const mutes = new ConsoleMutes();
  const directory: AdminDirectory = {
    ...consoleDirectoryWith(mutes),
    isAdmin: async (user, group) => !demoted && consoleDirectory.isAdmin(user, group),
    groupsOf: async (user) => (demoted ? [] : consoleDirectory.groupsOf(user)),
  };
  const dashboard: Dashboard = createDashboard({
    moderator: core.moderator,
    ledger: core.ledger,
    store: core.store,
    log,
    port: 0,
    debunksDir,
    debunkEditors: ['console:owner'],
    now: () => Date.now() + skewMs,
  });
  dashboard.addDirectory(directory);
  const url = await dashboard.listen();

  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => {
    printed += chunk.toString('utf8');
  });
  const playground = runPlayground({ moderator: core.moderator, ledger: core.ledger, input, output, dashboardLinks: dashboard.links, mutes });

  /** Types a line into the playground and waits until it printed something matching `until`. */
  const say = async (line: string, until: RegExp = /\n/): Promise<string> => {
    const from = printed.length;
    input.write(`${line}\n`);
    const deadline = Date.now() + WAIT_MS;
    while (Date.now() < deadline) {
      const answer = printed.slice(from);
      if (until.test(answer)) {
        // The outcomes of what was said reach the ledger before the test looks at it.
        await core.moderator.settled();
        return answer;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`the playground did not answer "${line}" with ${until}; it printed:\n${printed.slice(from)}`);
  };

  return {
    url,
    dir,
    storeUrl,
    checkpointFile,
    debunksDir,
    core,
    dashboard,
    say,
    printed: () => printed,
    /** A message straight into the engine, as an adapter sends one (names the playground cannot type). */
    async post(groupId: string, member: ChatMember, text: string, messageId: string) {
      const handled = await core.moderator.onMessage({ platform: 'console', groupId, messageId, member, text, sentAt: Date.now() });
      await handled.outcomes;
      await core.moderator.settled();
      return handled;
    },
    async entries(groupId = 'console'): Promise<LedgerEntry[]> {
      await core.moderator.settled();
      return core.ledger.entries(groupId);
    },
    /** Moves the dashboard's clock (links and sessions age; nothing else reads it). */
    skew(ms: number) {
      skewMs = ms;
    },
    demote(on: boolean) {
      demoted = on;
    },
    async close() {
      input.end('/quit\n');
      await playground;
      await dashboard.close();
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type DashboardWorld = Awaited<ReturnType<typeof startDashboardWorld>>;
