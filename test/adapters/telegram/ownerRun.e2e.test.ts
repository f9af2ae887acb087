import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../src/ledger/ledgerEntry.js';
import { FakeTelegram } from '../../fakes/telegram/fakeTelegram.js';
import type { BotMessage, RecordedCall } from '../../fakes/telegram/types.js';
import { freePort } from '../../fakes/telegram/freePort.js';
import { FIVE_G_ID, TEXT } from '../../engine/harness.js';
import { type BotProcess, botEnv, type CliRun, type Ended, type Launch, runCli, startBotProcess } from '../botProcess.js';
import { ALICE, BOT, GROUP, GROUP_ID, OWNER, TOKEN } from './botHarness.js';

/*
 * The bot as an owner runs it: `npm start` with a token, on the default SQLite store in a folder
 * of its own, set up through its own commands in the chat, stopped, started again, and audited
 * with the command line. The fake Telegram runs here; the bot is a child process.
 */

const cleanups: (() => Promise<void> | void)[] = [];
const cleanUp = async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
};

/** A fake Telegram with the owner's group, the owner and a member, who both have a private chat. */
async function telegramWorld(): Promise<FakeTelegram> {
  const fake = await FakeTelegram.start({ token: TOKEN, bot: BOT });
  cleanups.push(() => fake.stop());
  fake.addChat(GROUP);
  fake.setMember(GROUP.id, OWNER, 'creator');
  fake.setMember(GROUP.id, ALICE, 'member');
  for (const user of [OWNER, ALICE]) {
    fake.addChat({ id: user.id, type: 'private', first_name: user.first_name });
    fake.setMember(user.id, user, 'member');
  }
  return fake;
}

/** A folder for the store and the spool, removed after the tests. */
function tempFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rg-owner-tg-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** What the fake recorded, one line a call, for failure messages. */
const callsSeen = (fake: FakeTelegram) => () => fake.calls.map((c) => `  ${c.method} ${JSON.stringify(c.body).slice(0, 240)}`).join('\n');

/** Starts the bot against `fake` and waits until it receives by webhook. */
async function launch(fake: FakeTelegram, settings: Record<string, string>, how: Launch): Promise<BotProcess> {
  const port = await freePort();
  const bot = startBotProcess(
    botEnv({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_WEBHOOK_URL: `https://127.0.0.1:${port}/telegram`,
      TELEGRAM_WEBHOOK_PORT: String(port),
      LOG_LEVEL: 'info',
      ...settings,
    }),
    how,
  );
  cleanups.push(() => bot.kill());
  await bot.waitFor('the "receiving by webhook" log line', () => /receiving by webhook/.test(bot.log()), callsSeen(fake), 40_000);
  return bot;
}

/** Everything the owner's run left behind, for the checks below. */
interface OwnerRun {
  fake: FakeTelegram;
  secret: string;
  /** Unix time just before the first rumor. */
  before: number;
  /** What the bot answered the owner's commands, by command. */
  answers: Record<string, string>;
  /** Alice's three posts, the bot's message answering each, the mute and the alert to the owner. */
  visible: { posts: number[]; answers: BotMessage[]; alert: BotMessage; restrict: RecordedCall };
  firstRun: { bot: BotProcess };
  secondRun: { bot: BotProcess; ended: Ended; restrict: RecordedCall };
  verify: CliRun;
  /** The signed head the export carries: when and with which key it was signed. */
  checkpointAt: string;
  keyId: string;
  entries: LedgerEntry[];
}

/**
 * The owner's story, waiting at each step for what the bot visibly did: set the group up, watch
 * Alice spread a rumor three times, stop with Ctrl-C, start again and see the strikes kept, stop,
 * and audit the ledger with the command line.
 */
async function ownerRun(): Promise<OwnerRun> {
  const fake = await telegramWorld();
  const dir = tempFolder();
  const secret = randomBytes(16).toString('hex');
  const storeUrl = `sqlite://${path.join(dir, 'rumorguard.sqlite')}`;
  const evidence = { LEDGER_KEY_FILE: path.join(dir, 'ledger-signing-key.pem'), LEDGER_CHECKPOINT_FILE: path.join(dir, 'ledger-checkpoints.json') };
  const settings = { STORE_URL: storeUrl, SPOOL_FILE: path.join(dir, 'ledger-spool.jsonl'), ...evidence, TELEGRAM_WEBHOOK_SECRET: secret };
  const seen = callsSeen(fake);
  const answersTo = (chatId: number, messageId: number) => fake.botMessages(chatId).filter((m) => m.reply_parameters?.message_id === messageId);
  const answers: Record<string, string> = {};
  const command = async (bot: BotProcess, chatId: number, text: string) => {
    const { message } = await fake.sendCommand(chatId, OWNER.id, text);
    const [answer] = await bot.waitFor(`an answer to "${text}"`, () => answersTo(chatId, message.message_id).length > 0 && answersTo(chatId, message.message_id), seen);
    answers[text] = answer!.text ?? '';
  };
  const restricts = (n: number) => fake.callsOf('restrictChatMember').length >= n && fake.callsOf('restrictChatMember')[n - 1];
  const alerts = () => fake.botMessages(OWNER.id).filter((m) => m.text?.includes('posted a known rumor'));

  const first = await launch(fake, settings, 'npm start');
  // Telegram lets a bot write privately only to users who started it: that is where alerts go.
  await command(first, OWNER.id, '/start');
  for (const action of ['warn', 'mute', 'alert_owners']) await command(first, GROUP.id, `/rg enable ${action}`);
  await command(first, GROUP.id, '/rg status');

  const before = Math.floor(Date.now() / 1000);
  const posts: number[] = [];
  const visible: BotMessage[] = [];
  for (const [n, expected] of [
    [1, /^ℹ️ <b>Fact check<\/b>/],
    [2, /^Alice, please check before sharing: this is strike 2\./],
    [3, /^Alice is muted for 1 hour for repeating refuted rumors\.$/],
  ] as const) {
    posts.push((await fake.sendMessage(GROUP.id, ALICE.id, TEXT.fiveG)).message.message_id);
    visible.push(await first.waitFor(`the answer to post ${n}`, () => fake.botMessages(GROUP.id).find((m) => expected.test(m.text ?? '')), seen));
  }
  const restrict = await first.waitFor('restrictChatMember', () => restricts(1), seen);
  const [alert] = await first.waitFor('the owner alert by DM', () => alerts().length > 0 && alerts(), seen);
  // Ctrl-C in the owner's terminal: SIGINT to every process of the run.
  await first.stop('SIGINT', { group: true });

  // Started again on the same store, by the command `npm start` runs, as a process manager would.
  const second = await launch(fake, settings, 'node');
  await command(second, GROUP.id, `/rg strikes ${ALICE.id}`);
  // Alice's mute has run out.
  fake.setMember(GROUP.id, ALICE, 'member');
  await fake.sendMessage(GROUP.id, ALICE.id, TEXT.fiveG);
  const secondRestrict = await second.waitFor('a second restrictChatMember', () => restricts(2), seen);
  const secondEnded = await second.stop('SIGTERM');

  // The owner audits what the bot wrote.
  const cliEnv = botEnv({ STORE_URL: storeUrl, ...evidence });
  const verify = await runCli(['ledger', 'verify'], cliEnv);
  const exported = await runCli(['ledger', 'export', '--group', GROUP_ID, '--format', 'json'], cliEnv);
  if (exported.code !== 0) throw new Error(`ledger export failed (${exported.code}):\n${exported.stderr}`);
  const file = JSON.parse(exported.stdout) as { entries: LedgerEntry[]; checkpoint?: { at: string; keyId: string } };
  return {
    fake,
    secret,
    before,
    answers,
    visible: { posts, answers: visible, alert: alert!, restrict },
    firstRun: { bot: first },
    secondRun: { bot: second, ended: secondEnded, restrict: secondRestrict },
    verify,
    entries: file.entries,
    checkpointAt: file.checkpoint?.at ?? '(no checkpoint)',
    keyId: file.checkpoint?.keyId ?? '(no key)',
  };
}

describe('Telegram: an owner runs `npm start` with a token', () => {
  let run: OwnerRun;
  beforeAll(async () => {
    run = await ownerRun();
  }, 120_000);
  afterAll(cleanUp);

  it('GIVEN the owner enables warn, mute and alert_owners with /rg in the group THEN each is answered OK and /rg status shows them', () => {
    expect(run.answers['/start']).toMatch(/^Hi! I am RumorGuard/);
    expect(run.answers['/rg enable warn']).toBe('OK: enabled warn');
    expect(run.answers['/rg enable mute']).toBe('OK: enabled mute');
    expect(run.answers['/rg enable alert_owners']).toBe('OK: enabled alert_owners');
    expect(run.answers['/rg status']).toContain('enabled actions: reply_refutation, log, warn, mute, alert_owners');
  });

  it('GIVEN a member posts a known rumor three times THEN the 1st is refuted, the 2nd warned, the 3rd muted for 1 h with the owner alerted by DM', () => {
    const [refutation, warning, mute] = run.visible.answers;
    expect(refutation?.reply_parameters?.message_id).toBe(run.visible.posts[0]);
    expect(refutation?.text).toContain('Viruses cannot travel on radio waves or mobile networks.');
    expect(warning?.text).toMatch(/^Alice, please check before sharing: this is strike 2\./);
    expect(mute?.text).toBe('Alice is muted for 1 hour for repeating refuted rumors.');
    const body = run.visible.restrict.body as { chat_id: number; user_id: number; until_date: number; permissions: Record<string, boolean> };
    expect(body).toMatchObject({ chat_id: GROUP.id, user_id: ALICE.id, permissions: { can_send_messages: false } });
    expect(body.until_date - run.before).toBeGreaterThanOrEqual(3600);
    expect(body.until_date - run.before).toBeLessThan(3700);
    expect(run.visible.alert.text).toContain('<b>Town news</b>');
    expect(run.visible.alert.text).toContain(`Alice posted a known rumor, “5G towers spread the coronavirus” (${FIVE_G_ID}, score 1.00), strike 3. Actions planned: `);
    expect(run.visible.alert.text).toContain(`<a href="https://t.me/c/1000000001/${run.visible.posts[2]}">Open the message</a>`);
  });

  it('GIVEN Ctrl-C on `npm start`, and SIGTERM on the command it runs THEN the bot stops cleanly both times', () => {
    // npm and sh end by the signal whatever the bot does: the clean stop shows in the log.
    expect(run.firstRun.bot.log()).toMatch(/"msg":"telegram: stopped"/);
    expect(run.secondRun.bot.log()).toMatch(/"msg":"telegram: stopped"/);
    expect(run.secondRun.ended).toEqual({ code: 0, signal: null });
  });

  it('GIVEN a restart on the same store THEN /rg strikes still counts 3, and the next post climbs to the 24 h mute', () => {
    expect(run.answers[`/rg strikes ${ALICE.id}`]).toMatch(new RegExp(`^${ALICE.id}: 3 active strike\\(s\\)`));
    expect((run.secondRun.restrict.body as { until_date: number }).until_date - run.before).toBeGreaterThanOrEqual(24 * 3600);
  });

  it('GIVEN the store the bot wrote THEN `ledger verify` passes, and the ledger holds the four incidents and the owner\'s three changes', () => {
    expect(run.verify, run.verify.stderr).toMatchObject({ code: 0 });
    // The chain reaches the head the bot signed at shutdown: nothing was cut off its end.
    expect(run.verify.stdout).toBe(
      `${GROUP_ID}: OK, ${run.entries.length} entries, head ${run.entries.at(-1)?.hash}; reaches the checkpoint signed ${run.checkpointAt} by key ${run.keyId} (seq ${run.entries.length})\n`,
    );
    const records = run.entries.map((e) => e.record);
    const owner = { kind: 'admin', id: String(OWNER.id), name: 'Olivia Owner' };
    expect(records.flatMap((r) => (r.type === 'admin' ? [[r.action, r.detail, r.by]] : []))).toEqual([
      ['enable', 'enabled warn', owner],
      ['enable', 'enabled mute', owner],
      ['enable', 'enabled alert_owners', owner],
    ]);
    const incidents = records.flatMap((r) => (r.type === 'incident' ? [r] : []));
    expect(incidents.map((i) => [i.member.id, i.debunkId, i.strikes])).toEqual([1, 2, 3, 4].map((n) => [String(ALICE.id), FIVE_G_ID, n]));
    expect(incidents[2]?.actions.map((a) => [a.type, a.status])).toEqual(expect.arrayContaining([['mute', 'planned'], ['alert_owners', 'planned']]));
  });

  it('GIVEN both runs THEN neither the token nor the webhook secret is in the output', () => {
    for (const bot of [run.firstRun.bot, run.secondRun.bot]) {
      expect(bot.log()).not.toContain(TOKEN);
      expect(bot.log()).not.toContain(TOKEN.split(':')[1]);
      expect(bot.log()).not.toContain(run.secret);
    }
  });

  // The ledger tells what really happened: the outcome record of the third incident.
  it('GIVEN the mute and the alert were carried out THEN the ledger records them as done', () => {
    const records = run.entries.map((e) => e.record);
    const third = records.filter((r) => r.type === 'incident')[2];
    const outcome = records.find((r) => r.type === 'outcome' && r.incidentId === third?.recordId);
    expect(outcome?.type === 'outcome' && Object.fromEntries(outcome.actions.map((a) => [a.type, a.status]))).toMatchObject({ mute: 'done', alert_owners: 'done' });
  });
});

describe('Telegram: `npm start` under a process manager', () => {
  afterEach(cleanUp);

  // SIGTERM to npm alone (docker stop with CMD ["npm", "start"], pm2, `kill <pid>`): npm forwards
  // it to `sh -c "…"`; where /bin/sh is dash (Debian, Ubuntu) sh dies of it without passing it
  // on. The bot notices that npm is gone and stops as on SIGTERM.
  it('GIVEN SIGTERM to the npm process alone THEN the bot stops cleanly', async () => {
    const fake = await telegramWorld();
    const dir = tempFolder();
    const bot = await launch(fake, { STORE_URL: `sqlite://${path.join(dir, 'rumorguard.sqlite')}`, SPOOL_FILE: path.join(dir, 'spool.jsonl'), LEDGER_KEY_FILE: path.join(dir, 'key.pem'), LEDGER_CHECKPOINT_FILE: path.join(dir, 'checkpoints.json') }, 'npm start');
    await bot.stop('SIGTERM', { timeoutMs: 5_000 });
    expect(bot.log()).toMatch(/"msg":"telegram: stopped"/);
  }, 60_000);
});
