import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TelegramAdapter } from '../../../adapters/telegram/telegramAdapter.js';
import type { Debunk } from '../../../src/debunks/schema.js';
import { Engine } from '../../../src/engine/engine.js';
import { Moderator } from '../../../src/engine/moderator.js';
import { FeedbackQueue } from '../../../src/feedback/feedbackQueue.js';
import { openLedgerBackend } from '../../../src/ledger/backends/openLedgerBackend.js';
import { Ledger } from '../../../src/ledger/ledger.js';
import type { IncidentRecord, LedgerRecord } from '../../../src/ledger/ledgerRecord.js';
import { Recorder } from '../../../src/ledger/recorder.js';
import { Spool } from '../../../src/ledger/spool.js';
import { createLogger } from '../../../src/lib/logger.js';
import type { Clock } from '../../../src/outbox/clock.js';
import { openStore } from '../../../src/store/openStore.js';
import { FakeTelegram } from '../../fakes/telegram/fakeTelegram.js';
import { freePort } from '../../fakes/telegram/freePort.js';
import { ALL_ACTIONS, DEBUNKS, DEFAULT_RULES } from '../../engine/harness.js';

export const TOKEN = '123456789:TEST-token-for-the-fake-telegram';
export const BOT = { id: 777000111, username: 'rumorguard_test_bot', first_name: 'RumorGuard' };
export const GROUP = { id: -1001000000001, type: 'supergroup', title: 'Town news' } as const;
export const ADMINS_GROUP = { id: -1001000000002, type: 'supergroup', title: 'Town news admins' } as const;
export const OWNER = { id: 101, first_name: 'Olivia', last_name: 'Owner' };
export const ALICE = { id: 202, first_name: 'Alice' };
export const BOB = { id: 303, first_name: 'Bob' };
export const GROUP_ID = String(GROUP.id);

export interface BotHarnessOptions {
  debunks?: readonly Debunk[];
  /** Enable every action (warn, delete, mute, alerts) in the group, not just refutations. */
  enforceAll?: boolean;
  canReadAllGroupMessages?: boolean;
  clock?: Clock;
  /** Log lines go here (JSON); silent otherwise. */
  logTo?: NodeJS.WritableStream;
}

/**
 * The real TelegramAdapter (telegraf inside) on a real SQLite store and ledger, talking over
 * HTTP on 127.0.0.1 to the fake Bot API in front of telegram-test-api, receiving by webhook.
 */
export async function startBot(options: BotHarnessOptions = {}) {
  const fake = await FakeTelegram.start({
    token: TOKEN,
    bot: BOT,
    ...(options.canReadAllGroupMessages !== undefined ? { canReadAllGroupMessages: options.canReadAllGroupMessages } : {}),
  });
  fake.addChat(GROUP);
  fake.addChat(ADMINS_GROUP);
  fake.setMember(GROUP.id, OWNER, 'creator');
  fake.setMember(GROUP.id, ALICE, 'member');
  fake.setMember(GROUP.id, BOB, 'member');
  fake.setMember(ADMINS_GROUP.id, OWNER, 'creator');
  for (const user of [OWNER, ALICE, BOB]) {
    fake.addChat({ id: user.id, type: 'private', first_name: user.first_name });
    fake.setMember(user.id, user, 'member');
  }

  const dir = mkdtempSync(path.join(tmpdir(), 'rg-tg-'));
  const url = `sqlite://${path.join(dir, 'store.sqlite')}`;
  const opened = await openStore(url);
  const ledgerBackend = await openLedgerBackend(url);
  const engine = new Engine({ debunks: options.debunks ?? DEBUNKS, rules: DEFAULT_RULES, store: opened.store });
  if (options.enforceAll) {
    const r = await engine.configure(GROUP_ID, { enabledActions: [...ALL_ACTIONS] });
    if (!r.ok) throw new Error(r.problems.join('; '));
  }
  const ledger = new Ledger(ledgerBackend.backend);
  const moderator = new Moderator(engine, new Recorder(ledger, new Spool(path.join(dir, 'spool.jsonl'))), new FeedbackQueue(opened.store));
  const adapter = new TelegramAdapter({
    token: TOKEN,
    apiRoot: fake.apiRoot,
    moderator,
    ledger,
    store: opened.store,
    log: createLogger({ level: options.logTo ? 'debug' : 'silent', secrets: [TOKEN], ...(options.logTo ? { destination: options.logTo } : {}) }),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const port = await freePort();
  await adapter.launch({ kind: 'webhook', url: `https://127.0.0.1:${port}/telegram`, port, host: '127.0.0.1', secretToken: 'test-secret_0' });

  return {
    fake,
    adapter,
    engine,
    ledger,
    moderator,
    store: opened.store,
    /** Every record in the group's ledger. */
    records: async (groupId = GROUP_ID): Promise<LedgerRecord[]> => (await ledger.entries(groupId)).map((e) => e.record),
    incidents: async (groupId = GROUP_ID): Promise<IncidentRecord[]> =>
      (await ledger.entries(groupId)).map((e) => e.record).filter((r): r is IncidentRecord => r.type === 'incident'),
    /** What the bot sent to a chat since the last call (or since the start). */
    sentTo: (() => {
      const seen = new Map<number, number>();
      return (chatId: number) => {
        const all = fake.botMessages(chatId);
        const from = seen.get(chatId) ?? 0;
        seen.set(chatId, all.length);
        return all.slice(from);
      };
    })(),
    /** Closes the key-value store under the running bot, as an outage would. */
    closeStore: () => opened.close(),
    async stop() {
      await adapter.stop(1000);
      await fake.stop();
      await ledgerBackend.close();
      await opened.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type BotHarness = Awaited<ReturnType<typeof startBot>>;
