import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { APIApplicationCommandInteractionDataOption } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../src/ledger/ledgerEntry.js';
import { FakeDiscord } from '../../fakes/discord/fakeDiscord.js';
import type { BotMessage, RecordedCall } from '../../fakes/discord/types.js';
import { FIVE_G_ID, TEXT } from '../../engine/harness.js';
import { type BotProcess, botEnv, type CliRun, type Ended, type Launch, runCli, startBotProcess } from '../botProcess.js';
import { ALICE, APP, BOT_PERMISSIONS, CHANNEL, GUILD, MODS, OWNER, TOKEN } from './discordHarness.js';

/*
 * The bot as a server owner runs it: `npm start` with DISCORD_TOKEN, on the default SQLite store
 * in a folder of its own, set up with its slash commands, stopped, started again, and audited
 * with the command line. The fake Discord runs here; the bot is a child process.
 */

const cleanups: (() => Promise<void> | void)[] = [];

/** What the fake recorded, one line a request, for failure messages. */
const callsSeen = (fake: FakeDiscord) => () => fake.calls.map((c) => `  ${c.route} ${c.status} ${JSON.stringify(c.body ?? null).slice(0, 240)}`).join('\n');

/** Starts the bot against `fake` and waits until it is connected and its commands are registered. */
async function launch(fake: FakeDiscord, settings: Record<string, string>, how: Launch): Promise<BotProcess> {
  const bot = startBotProcess(botEnv({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.restApi, LOG_LEVEL: 'info', ...settings }), how);
  cleanups.push(() => bot.kill());
  await bot.waitFor('the "discord: … connected" log line', () => /"msg":"discord: .* connected"/.test(bot.log()), callsSeen(fake), 40_000);
  await bot.waitFor('the commands to be registered', () => fake.registeredCommands().length === 3, callsSeen(fake));
  return bot;
}

/** Everything the owner's run left behind, for the checks below. */
interface OwnerRun {
  fake: FakeDiscord;
  before: number;
  /** What the bot answered the owner's slash commands, by subcommand. */
  answers: Record<string, string>;
  /** Alice's three posts, the bot's reply to each, the timeout and the alert. */
  visible: { posts: string[]; replies: BotMessage[]; timeout: RecordedCall; alert: BotMessage };
  firstRun: { bot: BotProcess };
  secondRun: { bot: BotProcess; ended: Ended; timeout: RecordedCall };
  verify: CliRun;
  /** The signed head the export carries: when and with which key it was signed. */
  checkpointAt: string;
  keyId: string;
  entries: LedgerEntry[];
}

async function ownerRun(): Promise<OwnerRun> {
  const fake = await FakeDiscord.start({ token: TOKEN, application: { id: APP }, bot: { id: APP, username: 'RumorGuard' } });
  cleanups.push(() => fake.stop());
  for (const user of [OWNER, ALICE]) fake.addUser(user);
  await fake.addGuild({
    id: GUILD,
    name: 'Town hall',
    ownerId: OWNER.id,
    channels: [
      { id: CHANNEL, name: 'general' },
      { id: MODS, name: 'mods' },
    ],
    botPermissions: BOT_PERMISSIONS,
  });
  fake.addMember(GUILD, ALICE.id);
  const dir = mkdtempSync(path.join(tmpdir(), 'rg-owner-dc-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const storeUrl = `sqlite://${path.join(dir, 'rumorguard.sqlite')}`;
  const evidence = { LEDGER_KEY_FILE: path.join(dir, 'ledger-signing-key.pem'), LEDGER_CHECKPOINT_FILE: path.join(dir, 'ledger-checkpoints.json') };
  const settings = { STORE_URL: storeUrl, SPOOL_FILE: path.join(dir, 'ledger-spool.jsonl'), ...evidence };
  const seen = callsSeen(fake);
  const answers: Record<string, string> = {};
  /** The owner runs `/rumorguard <sub>` in #general and reads the answer only they see. */
  const rumorguard = async (bot: BotProcess, sub: string, options: APIApplicationCommandInteractionDataOption[] = []) => {
    const ref = await fake.slashCommand(GUILD, CHANNEL, OWNER.id, 'rumorguard', [{ type: 1, name: sub, options } as APIApplicationCommandInteractionDataOption]);
    // Acknowledged at once, then answered by editing the acknowledgement.
    const edit = await bot.waitFor(`an answer to /rumorguard ${sub}`, () => fake.interactionResponses(ref.id).edits.at(-1), seen);
    const value = options[0] && 'value' in options[0] ? String(options[0].value) : '';
    answers[sub === 'enable' ? `${sub} ${value}` : sub] = String((edit as { content?: string }).content);
  };
  const timeouts = (n: number) => fake.callsOf(`PATCH /guilds/${GUILD}/members/${ALICE.id}`).length >= n && fake.callsOf(`PATCH /guilds/${GUILD}/members/${ALICE.id}`)[n - 1];

  const first = await launch(fake, settings, 'npm start');
  for (const action of ['warn', 'mute', 'alert_owners']) await rumorguard(first, 'enable', [{ type: 3, name: 'action', value: action }]);
  await rumorguard(first, 'status');
  await rumorguard(first, 'alerts', [{ type: 7, name: 'channel', value: MODS }]);

  const before = Date.now();
  const posts: string[] = [];
  const replies: BotMessage[] = [];
  for (const [n, expected] of [
    [1, (m: BotMessage) => m.embeds[0]?.title === 'ℹ️ Fact check: rated false'],
    [2, (m: BotMessage) => m.content.startsWith('Alice, please check before sharing: this is strike 2.')],
    [3, (m: BotMessage) => m.content === 'Alice is muted for 1 hour for repeating refuted rumors.'],
  ] as const) {
    posts.push((await fake.memberSays(CHANNEL, ALICE.id, TEXT.fiveG)).id);
    replies.push(await first.waitFor(`the answer to post ${n}`, () => fake.botMessages(CHANNEL).find(expected), seen));
  }
  const timeout = await first.waitFor('the timeout (PATCH member)', () => timeouts(1), seen);
  const alert = await first.waitFor('the owner alert in #mods', () => fake.botMessages(MODS)[0], seen);
  // Ctrl-C in the owner's terminal: SIGINT to every process of the run.
  await first.stop('SIGINT', { group: true });

  // Started again on the same store, by the command `npm start` runs, as a process manager would.
  const second = await launch(fake, settings, 'node');
  await rumorguard(second, 'strikes', [{ type: 6, name: 'member', value: ALICE.id }]);
  // Alice's timeout has run out.
  fake.addMember(GUILD, ALICE.id, { communicationDisabledUntil: null });
  await fake.memberSays(CHANNEL, ALICE.id, TEXT.fiveG);
  const secondTimeout = await second.waitFor('a second timeout', () => timeouts(2), seen);
  const secondEnded = await second.stop('SIGTERM');

  const cliEnv = botEnv({ STORE_URL: storeUrl, ...evidence });
  const verify = await runCli(['ledger', 'verify'], cliEnv);
  const exported = await runCli(['ledger', 'export', '--group', GUILD, '--format', 'json'], cliEnv);
  if (exported.code !== 0) throw new Error(`ledger export failed (${exported.code}):\n${exported.stderr}`);
  const file = JSON.parse(exported.stdout) as { entries: LedgerEntry[]; checkpoint?: { at: string; keyId: string } };
  return {
    fake,
    before,
    answers,
    visible: { posts, replies, timeout, alert },
    firstRun: { bot: first },
    secondRun: { bot: second, ended: secondEnded, timeout: secondTimeout },
    verify,
    entries: file.entries,
    checkpointAt: file.checkpoint?.at ?? '(no checkpoint)',
    keyId: file.checkpoint?.keyId ?? '(no key)',
  };
}

describe('Discord: an owner runs `npm start` with a token', () => {
  let run: OwnerRun;
  beforeAll(async () => {
    run = await ownerRun();
  }, 120_000);
  afterAll(async () => {
    for (const clean of cleanups.splice(0).reverse()) await clean();
  });

  it('GIVEN /rumorguard enable warn, mute and alert_owners AND /rumorguard alerts channel:#mods THEN each gets an OK and /rumorguard status shows them', () => {
    expect([run.answers['enable warn'], run.answers['enable mute'], run.answers['enable alert_owners']]).toEqual(['OK: enabled warn', 'OK: enabled mute', 'OK: enabled alert\\_owners']);
    // Answers are Discord markdown: the underscores come escaped.
    expect(run.answers.status).toContain('enabled actions: reply\\_refutation, log, warn, mute, alert\\_owners');
    expect(run.answers.alerts).toBe(`Owner alerts will be posted in <#${MODS}>.`);
  });

  it('GIVEN a member posts a known rumor three times THEN the 1st is refuted, the 2nd warned, the 3rd timed out for 1 h with the owners alerted in #mods', () => {
    const [refutation, warning, mute] = run.visible.replies;
    expect(refutation?.sent).toMatchObject({ message_reference: { message_id: run.visible.posts[0] } });
    expect(refutation?.embeds[0]?.description).toContain('Viruses cannot travel on radio waves or mobile networks.');
    expect(warning?.content).toMatch(/^Alice, please check before sharing: this is strike 2\./);
    expect(mute?.content).toBe('Alice is muted for 1 hour for repeating refuted rumors.');
    const until = Date.parse((run.visible.timeout.body as { communication_disabled_until: string }).communication_disabled_until);
    expect(until - run.before).toBeGreaterThanOrEqual(3_600_000);
    expect(until - run.before).toBeLessThan(3_600_000 + 60_000);
    expect(run.visible.alert.embeds[0]?.description).toContain(`Alice posted a known rumor, “5G towers spread the coronavirus” (${FIVE_G_ID}, score 1.00), strike 3.`);
    expect(run.fake.callsOf('POST /users/@me/channels')).toEqual([]);
  });

  it('GIVEN Ctrl-C on `npm start`, and SIGTERM on the command it runs THEN the bot stops cleanly both times', () => {
    // npm and sh end by the signal whatever the bot does: the clean stop shows in the log.
    expect(run.firstRun.bot.log()).toMatch(/"msg":"discord: stopped"/);
    expect(run.secondRun.bot.log()).toMatch(/"msg":"discord: stopped"/);
    expect(run.secondRun.ended).toEqual({ code: 0, signal: null });
  });

  it('GIVEN a restart on the same store THEN /rumorguard strikes still counts 3, and the next post climbs to the 24 h timeout', () => {
    expect(run.answers.strikes).toMatch(new RegExp(`^${ALICE.id}: 3 active strike\\(s\\)`));
    const until = Date.parse((run.secondRun.timeout.body as { communication_disabled_until: string }).communication_disabled_until);
    expect(until - run.before).toBeGreaterThanOrEqual(24 * 3_600_000);
  });

  it('GIVEN the store the bot wrote THEN `ledger verify` passes, and the ledger holds the four incidents and the owner\'s change', () => {
    expect(run.verify, run.verify.stderr).toMatchObject({ code: 0 });
    // The chain reaches the head the bot signed at shutdown: nothing was cut off its end.
    expect(run.verify.stdout).toBe(
      `${GUILD}: OK, ${run.entries.length} entries, head ${run.entries.at(-1)?.hash}; reaches the checkpoint signed ${run.checkpointAt} by key ${run.keyId} (seq ${run.entries.length})\n`,
    );
    const records = run.entries.map((e) => e.record);
    const owner = { kind: 'admin', id: OWNER.id, name: OWNER.username };
    expect(records.flatMap((r) => (r.type === 'admin' ? [[r.action, r.detail, r.by]] : []))).toEqual([
      ['enable', 'enabled warn', owner],
      ['enable', 'enabled mute', owner],
      ['enable', 'enabled alert_owners', owner],
      ['alerts', `owner alerts to channel ${MODS}`, owner],
    ]);
    const incidents = records.flatMap((r) => (r.type === 'incident' ? [r] : []));
    expect(incidents.map((i) => [i.member.id, i.debunkId, i.strikes])).toEqual([1, 2, 3, 4].map((n) => [ALICE.id, FIVE_G_ID, n]));
    expect(incidents[2]?.actions.map((a) => [a.type, a.status])).toEqual(expect.arrayContaining([['mute', 'planned'], ['alert_owners', 'planned']]));
  });

  it('GIVEN both runs THEN the token is never in the output', () => {
    for (const bot of [run.firstRun.bot, run.secondRun.bot]) {
      expect(bot.log()).not.toContain(TOKEN);
      for (const part of TOKEN.split('.')) expect(bot.log()).not.toContain(part);
    }
  });

  // The ledger tells what really happened: the outcome record of the third incident.
  it('GIVEN the timeout and the alert were carried out THEN the ledger records them as done', () => {
    const records = run.entries.map((e) => e.record);
    const third = records.filter((r) => r.type === 'incident')[2];
    const outcome = records.find((r) => r.type === 'outcome' && r.incidentId === third?.recordId);
    expect(outcome?.type === 'outcome' && Object.fromEntries(outcome.actions.map((a) => [a.type, a.status]))).toMatchObject({ mute: 'done', alert_owners: 'done' });
  });
});
