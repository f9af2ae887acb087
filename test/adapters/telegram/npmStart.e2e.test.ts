import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeTelegram } from '../../fakes/telegram/fakeTelegram.js';
import { freePort } from '../../fakes/telegram/freePort.js';
import { REPO, TEXT } from '../../engine/harness.js';
import { ALICE, BOT, GROUP, OWNER, TOKEN } from './botHarness.js';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

/** Resolves with everything written so far once `pattern` appears in the stream. */
function waitFor(stream: NodeJS.ReadableStream, pattern: RegExp, seen: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const all = seen.join('');
      if (pattern.test(all)) {
        stream.off('data', check);
        resolve(all);
      }
    };
    stream.on('data', (chunk) => {
      seen.push(String(chunk));
      check();
    });
    stream.once('end', () => reject(new Error(`stream ended without ${pattern}:\n${seen.join('')}`)));
  });
}

describe('npm start with TELEGRAM_BOT_TOKEN', () => {
  it('GIVEN a token and a webhook URL in .env THEN the bot connects, answers a rumor in the group, stops cleanly on SIGTERM, and never logs the token', async () => {
    const fake = await FakeTelegram.start({ token: TOKEN, bot: BOT });
    fake.addChat(GROUP);
    fake.setMember(GROUP.id, OWNER, 'creator');
    fake.setMember(GROUP.id, ALICE, 'member');
    const cwd = mkdtempSync(path.join(tmpdir(), 'rg-start-tg-'));
    const port = await freePort();
    writeFileSync(
      path.join(cwd, '.env'),
      [
        `TELEGRAM_BOT_TOKEN=${TOKEN}`,
        `TELEGRAM_API_ROOT=${fake.apiRoot}`,
        `TELEGRAM_WEBHOOK_URL=https://127.0.0.1:${port}/telegram`,
        `TELEGRAM_WEBHOOK_PORT=${port}`,
        `DEBUNKS_DIR=${path.join(REPO, 'rules/debunks')}`,
        `RULES_FILE=${path.join(REPO, 'rules/default.yaml')}`,
      ].join('\n'),
    );
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of ['TELEGRAM_BOT_TOKEN', 'DISCORD_TOKEN', 'STORE_URL', 'SPOOL_FILE', 'LOG_LEVEL']) delete env[key];
    // As `npm start` runs it: node with tsx's loader. tsx's own wrapper would SIGKILL the bot when
    // it does not confirm a relayed SIGTERM within 30 ms, as on a busy machine.
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(REPO, 'adapters/cli.ts'), 'start'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    cleanup = async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await fake.stop();
      rmSync(cwd, { recursive: true, force: true });
    };
    const log: string[] = [];
    await waitFor(child.stderr, /receiving by webhook/, log);

    await fake.sendMessage(GROUP.id, ALICE.id, TEXT.fiveG);
    // The reply goes out through the bot's queue right after the webhook answered.
    for (let i = 0; i < 1000 && fake.botMessages(GROUP.id).length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(fake.botMessages(GROUP.id)[0]?.text).toMatch(/^ℹ️ <b>Fact check<\/b>/);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const all = log.join('');
    expect(all).toMatch(/"msg":"telegram: stopped"/);
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(TOKEN.split(':')[1]);
  }, 60_000);
});
