import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeTelegram } from '../fakes/telegram/fakeTelegram.js';
import { REPO } from '../engine/harness.js';
import { BOT, TOKEN } from '../adapters/telegram/botHarness.js';
import { botEnv, startBotProcess, type BotProcess } from '../adapters/botProcess.js';

// Issue 13 row 4: polling refused with 409 (another instance) or 401 (revoked token) ended the
// bot with exit code 13, no log line and no clean-up: the launch promise's rejection was lost.

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function runRefused(method: string, error: { error_code: number; description: string }): Promise<{ code: number | null; log: string }> {
  const fake = await FakeTelegram.start({ token: TOKEN, bot: BOT });
  cleanups.push(() => fake.stop());
  const dir = mkdtempSync(path.join(tmpdir(), 'rg-refused-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  fake.failNext(method, error);
  const bot: BotProcess = startBotProcess(
    botEnv({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      STORE_URL: `sqlite://${path.join(dir, 'store.sqlite')}`,
      SPOOL_FILE: path.join(dir, 'spool.jsonl'),
      LEDGER_KEY_FILE: path.join(dir, 'ledger.key'),
      LEDGER_CHECKPOINT_FILE: path.join(dir, 'checkpoints.json'),
      DEBUNKS_DIR: path.join(REPO, 'rules/debunks'),
      RULES_FILE: path.join(REPO, 'rules/default.yaml'),
      LOG_LEVEL: 'info',
    }),
    'node',
  );
  cleanups.push(() => bot.kill());
  const code = await new Promise<number | null>((resolve) => {
    if (bot.child.exitCode !== null) resolve(bot.child.exitCode);
    bot.child.once('close', (c) => resolve(c));
  });
  return { code, log: bot.log() };
}

describe('Telegram refuses the bot', () => {
  it.each([
    ['getUpdates', 409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running', /another process is receiving this bot's updates/],
    ['getUpdates', 401, 'Unauthorized', /TELEGRAM_BOT_TOKEN is wrong or was revoked/],
    ['getMe', 401, 'Unauthorized', /TELEGRAM_BOT_TOKEN is wrong or was revoked/],
  ])('GIVEN %s answers %i THEN one fatal line names the cause without the token, the store is closed, and the exit code is 1', async (method, code, description, cause) => {
    const run = await runRefused(method, { error_code: code, description });
    expect(run.code).toBe(1);
    const fatal = run.log.split('\n').filter((l) => l.includes('"level":60'));
    expect(fatal).toHaveLength(1);
    expect(fatal[0]).toContain(`Telegram answered ${code} \\"${description}\\"`);
    expect(fatal[0]).toMatch(cause);
    expect(run.log).toMatch(/ledger: every record delivered; store closed/);
    expect(run.log).not.toContain(TOKEN.split(':')[1]);
  }, 60_000);
});
