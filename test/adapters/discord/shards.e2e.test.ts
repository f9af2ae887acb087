import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@redis/client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { openLedgerBackend } from '../../../src/ledger/backends/openLedgerBackend.js';
import { Ledger } from '../../../src/ledger/ledger.js';
import { openStore } from '../../../src/store/openStore.js';
import { FakeDiscord } from '../../fakes/discord/fakeDiscord.js';
import { DEBUNKS, DEFAULT_RULES, REPO, TEXT } from '../../engine/harness.js';
import { ALICE, APP, OWNER, TOKEN } from './discordHarness.js';

const REDIS = process.env.REDIS_URL;
/** A database of its own on the test server, emptied before and after. */
const DB = 9;

/** Guild ids are snowflakes; Discord puts a guild on shard (id >> 22) % shardCount. */
const GUILD_A = String(8n << 22n); // shard 0 of 2
const GUILD_B = String(9n << 22n); // shard 1 of 2
const CHANNEL_A = '500000000000000001';
const CHANNEL_B = '500000000000000002';

describe.skipIf(!REDIS)(REDIS ? 'Discord shards on a shared Redis store' : 'Discord shards (skipped: REDIS_URL is not set)', () => {
  const url = (() => {
    if (!REDIS) return '';
    const u = new URL(REDIS);
    u.pathname = `/${DB}`;
    return u.toString();
  })();
  let fake: FakeDiscord;
  let dir: string;
  const children: ChildProcess[] = [];

  const flush = async () => {
    const client = createClient({ url });
    await client.connect();
    await client.flushDb();
    await client.quit();
  };

  beforeAll(async () => {
    await flush();
    dir = mkdtempSync(path.join(tmpdir(), 'rg-shards-'));
    fake = await FakeDiscord.start({ token: TOKEN, application: { id: APP }, bot: { id: APP, username: 'RumorGuard' } });
    fake.addUser(ALICE);
    fake.addUser(OWNER);
    for (const [guild, channel, name] of [
      [GUILD_A, CHANNEL_A, 'Guild A'],
      [GUILD_B, CHANNEL_B, 'Guild B'],
    ] as const) {
      // Alice is a plain member (an owner would be exempt from strikes).
      fake.addGuild({ id: guild, name, ownerId: OWNER.id, channels: [{ id: channel, name: 'general' }] });
      fake.addMember(guild, ALICE.id);
    }
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await fake?.stop();
    rmSync(dir, { recursive: true, force: true });
    await flush();
  });

  /** `npm start` in a folder of its own, with Discord settings in the environment. */
  function start(extra: Record<string, string>): { child: ChildProcess; exited: Promise<number | null>; stderr: string[] } {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: fake.restApi,
      TELEGRAM_BOT_TOKEN: '',
      STORE_URL: url,
      SPOOL_FILE: path.join(dir, 'spool.jsonl'),
      DEBUNKS_DIR: path.join(REPO, 'rules/debunks'),
      RULES_FILE: path.join(REPO, 'rules/default.yaml'),
      LOG_LEVEL: 'warn',
      ...extra,
    };
    delete env.SHARDING_MANAGER;
    // Node itself with tsx's loader (not the tsx wrapper), so a signal reaches the manager.
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(REPO, 'adapters/cli.ts'), 'start'], { cwd: dir, env, stdio: ['ignore', 'inherit', 'pipe'] });
    children.push(child);
    const stderr: string[] = [];
    child.stderr!.on('data', (chunk) => {
      stderr.push(String(chunk));
      process.stderr.write(chunk);
    });
    return { child, stderr, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
  }

  async function state() {
    const opened = await openStore(url);
    const ledgerBackend = await openLedgerBackend(url);
    const engine = new Engine({ debunks: DEBUNKS, rules: DEFAULT_RULES, store: opened.store });
    const ledger = new Ledger(ledgerBackend.backend);
    return {
      strikes: async (guild: string) => (await engine.strikesOf(guild, ALICE.id)).length,
      incidents: async (guild: string) => (await ledger.entries(guild)).filter((e) => e.record.type === 'incident').length,
      verify: (guild: string) => ledger.verify(guild),
      close: async () => {
        await ledgerBackend.close();
        await opened.close();
      },
    };
  }

  it('GIVEN SHARDS=2 THEN two processes each take their own guilds, write strikes and ledgers to one Redis, and a later single process carries on from them', async () => {
    const sharded = start({ SHARDS: '2' });
    await vi.waitFor(() => expect(fake.identifies.map((i) => i.shard).sort()).toEqual([[0, 2], [1, 2]]), { timeout: 60_000, interval: 100 });
    await vi.waitFor(() => expect((fake.registeredCommands() as unknown[]).length).toBe(3), { timeout: 30_000, interval: 100 });

    for (let i = 0; i < 3; i++) await fake.memberSays(CHANNEL_A, ALICE.id, TEXT.fiveG);
    for (let i = 0; i < 2; i++) await fake.memberSays(CHANNEL_B, ALICE.id, TEXT.garlic);
    const s = await state();
    try {
      await vi.waitFor(async () => expect([await s.incidents(GUILD_A), await s.incidents(GUILD_B)]).toEqual([3, 2]), { timeout: 30_000, interval: 100 });
      expect([await s.strikes(GUILD_A), await s.strikes(GUILD_B)]).toEqual([3, 2]);
      // Each incident, and the outcome of its reply: the third post in A gets none (a pointer to the
      // refutation went out seconds before, and its warning and mute are not enabled).
      await vi.waitFor(async () => expect(await s.verify(GUILD_A)).toMatchObject({ ok: true, entries: 5 }), { timeout: 10_000, interval: 100 });
      await vi.waitFor(async () => expect(await s.verify(GUILD_B)).toMatchObject({ ok: true, entries: 4 }), { timeout: 10_000, interval: 100 });
      await vi.waitFor(() => expect([fake.botMessages(CHANNEL_A).length > 0, fake.botMessages(CHANNEL_B).length > 0]).toEqual([true, true]), { timeout: 10_000, interval: 100 });

      sharded.child.kill('SIGTERM');
      expect(await sharded.exited).toBe(0);

      // One process for both guilds now: it sees what the two shards wrote.
      const single = start({});
      await vi.waitFor(() => expect(fake.identifies.at(-1)?.shard).toEqual([0, 1]), { timeout: 60_000, interval: 100 });
      await fake.memberSays(CHANNEL_B, ALICE.id, TEXT.garlic);
      await vi.waitFor(async () => expect(await s.incidents(GUILD_B)).toBe(3), { timeout: 30_000, interval: 100 });
      expect(await s.strikes(GUILD_B)).toBe(3);
      // Its third post gets a pointer, or none if the shard's went out less than a minute before
      // (the single process reads the pointer the shard marked): 5 or 6 entries, all verified.
      await vi.waitFor(
        async () => {
          const check = await s.verify(GUILD_B);
          expect(check.ok).toBe(true);
          expect(check.entries).toBeGreaterThanOrEqual(5);
        },
        { timeout: 10_000, interval: 100 },
      );
      single.child.kill('SIGTERM');
      expect(await single.exited).toBe(0);
    } finally {
      await s.close();
    }
  }, 180_000);

  it('GIVEN SHARDS=2 with STORE_URL=memory: THEN it refuses to start and says why', async () => {
    const run = start({ SHARDS: '2', STORE_URL: 'memory:' });
    expect(await run.exited).toBe(1);
    expect(run.stderr.join('')).toMatch(/^RumorGuard cannot start: SHARDS runs one process per shard, and STORE_URL=memory: keeps/);
    expect(fake.identifies.filter((i) => i.shard[1] === 2)).toHaveLength(2); // only the first test's two shards ever connected
  });
});
