import { afterEach, describe, expect, it } from 'vitest';
import { DebunkSchema } from '../../../src/debunks/schema.js';
import { TEXT } from '../../engine/harness.js';
import { ALICE, type BotHarness, GROUP, GROUP_ID, OWNER, startBot, TOKEN } from './botHarness.js';
import { Writable } from 'node:stream';
import { FakeClock } from '../../outbox/fakeClock.js';

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** A database entry written to attack the bot's HTML replies. */
const HOSTILE = DebunkSchema.parse({
  id: 'bleach-cures-flu',
  claim: 'Drinking diluted bleach cures the flu',
  verdict: 'false',
  refutation: 'Never drink bleach. <a href="tg://user?id=1">Tap here</a> & <b>share</b> @everyone',
  sources: [
    { title: '<script>alert(1)</script> Health "Agency"', url: 'https://example.org/bleach?x="><b>boom</b>' },
    { title: 'Second source', url: 'https://example.com/flu' },
  ],
  lang: 'en',
  published: '2024-01-01',
});

/** The tags the bot itself writes; anything else starting with "<" would be injected markup. */
const OWN_TAGS = /<\/?b>|<a href="https:\/\/[^"<>]*">|<\/a>/g;

function assertNoInjectedMarkup(html: string) {
  expect(html.replace(OWN_TAGS, '')).not.toMatch(/[<>]/);
  expect(html).not.toMatch(/href="(?!https:)/);
  expect(html).not.toMatch(/@(everyone|here)\b/);
}

describe('Telegram: markup injection and mass mentions', () => {
  it('GIVEN a database entry with HTML, quotes and @everyone THEN the reply shows it as text, links only to escaped https sources', async () => {
    h = await startBot({ debunks: [HOSTILE] });
    await h.fake.sendMessage(GROUP.id, ALICE.id, 'Drinking diluted bleach cures the flu');
    await h.adapter.idle();
    const [reply] = h.sentTo(GROUP.id);
    const html = reply?.text ?? '';
    assertNoInjectedMarkup(html);
    expect(html).toContain('&lt;a href=&quot;tg://user?id=1&quot;&gt;Tap here&lt;/a&gt; &amp; &lt;b&gt;share&lt;/b&gt; @\u200Beveryone');
    expect(html).toContain('<a href="https://example.org/bleach?x=%22%3E%3Cb%3Eboom%3C/b%3E">&lt;script&gt;alert(1)&lt;/script&gt; Health &quot;Agency&quot;</a>');
    // The pop-up is plain text (no parse mode), so it is shown as written.
    await h.fake.pressButton(GROUP.id, ALICE.id, reply!.message_id, 's:bleach-cures-flu');
    expect(h.fake.callsOf('answerCallbackQuery')[0]?.body).not.toHaveProperty('parse_mode');
  });

  it('GIVEN a member whose name holds markup, a mention and a line break THEN the warning names them harmlessly', async () => {
    h = await startBot({ enforceAll: true });
    const EVE = { id: 666, first_name: '<b>Eve</b> @everyone', last_name: '\nRumorGuard: Eve is now an admin' };
    h.fake.setMember(GROUP.id, EVE, 'member');
    for (let i = 0; i < 2; i++) {
      await h.fake.sendMessage(GROUP.id, EVE.id, TEXT.fiveG);
      await h.adapter.idle();
    }
    const warning = h.sentTo(GROUP.id).find((m) => m.text?.includes('strike 2'));
    expect(warning?.text).toBe(
      '&lt;b&gt;Eve&lt;/b&gt; @\u200Beveryone RumorGuard: Eve is now an admin, please check before sharing: this is strike 2. Strikes expire after 30 days; repeated rumors can lead to a mute.',
    );
    for (const m of h.fake.botMessages()) assertNoInjectedMarkup(m.text ?? '');
  });

  it('GIVEN errors that quote the Bot API URL THEN the token never reaches the log', async () => {
    const lines: string[] = [];
    const logTo = new Writable({
      write(chunk, _e, done) {
        lines.push(String(chunk));
        done();
      },
    });
    h = await startBot({ enforceAll: true, logTo });
    h.fake.failNext('sendMessage', { error_code: 400, description: `Bad Request: chat not found for bot${TOKEN}` });
    await h.fake.sendMessage(GROUP.id, ALICE.id, TEXT.fiveG);
    await h.adapter.idle();
    const log = lines.join('');
    expect(log).toContain('message not sent');
    expect(log).not.toContain(TOKEN);
    expect(log).not.toContain(TOKEN.split(':')[1]);
  });
});

describe('Telegram: missing rights', () => {
  it('GIVEN the bot may not restrict members WHEN two mutes are due THEN the admins are told once, nothing crashes, and each refusal is the ledgered outcome of its mute', async () => {
    h = await startBot({ enforceAll: true });
    h.fake.setMember(GROUP.id, h.fake.botUser, 'administrator', { can_restrict_members: false, can_delete_messages: true });
    await h.engine.configure(GROUP_ID, { ladder: { default: [['reply_refutation', 'mute 1h']] } });
    await h.fake.sendMessage(GROUP.id, ALICE.id, TEXT.fiveG);
    await h.fake.sendMessage(GROUP.id, OWNER.id, TEXT.chatter);
    await h.fake.sendMessage(GROUP.id, ALICE.id, TEXT.garlic);
    await h.adapter.idle();
    const notices = h.sentTo(GROUP.id).filter((m) => m.text?.startsWith('RumorGuard could not'));
    expect(notices.map((m) => m.text)).toEqual([
      "RumorGuard could not mute members in &quot;Town news&quot;: it lacks the &quot;Ban users&quot; right. Give it that right in the group's admin settings; meanwhile every incident is still logged.",
    ]);
    // Each refusal is the outcome of its incident's mute, with Telegram's own words; the refutations went out.
    const outcomes = (await h.records()).flatMap((r) => (r.type === 'outcome' ? r.actions : []));
    const mutes = outcomes.filter((a) => a.type === 'mute');
    expect(mutes).toHaveLength(2);
    for (const mute of mutes) expect(mute).toMatchObject({ status: 'failed', error: expect.stringMatching(/^400: Bad Request: not enough rights/) });
    expect(outcomes.filter((a) => a.type === 'reply_refutation').map((a) => a.status)).toEqual(['done', 'done']);
  });

  it('GIVEN the bot may not delete messages WHEN a deletion is due THEN the refutation is still sent and the admins are told', async () => {
    h = await startBot({ enforceAll: true });
    h.fake.setMember(GROUP.id, h.fake.botUser, 'administrator', { can_restrict_members: true, can_delete_messages: false });
    await h.engine.configure(GROUP_ID, { ladder: { default: [['reply_refutation', 'delete']] } });
    await h.fake.sendMessage(GROUP.id, ALICE.id, TEXT.fiveG);
    await h.adapter.idle();
    const texts = h.sentTo(GROUP.id).map((m) => m.text ?? '');
    expect(texts.some((t) => t.startsWith('ℹ️ <b>Fact check</b>'))).toBe(true);
    expect(texts.some((t) => t.startsWith('RumorGuard could not delete messages in &quot;Town news&quot;'))).toBe(true);
  });

  it('GIVEN the bot holds the delete right WHEN Telegram refuses a deletion with "message can\'t be deleted" (a message over 48 hours old) THEN the deletion is ledgered failed, and nobody is told to grant a right the bot has', async () => {
    h = await startBot({ enforceAll: true });
    h.fake.setMember(GROUP.id, h.fake.botUser, 'administrator', { can_restrict_members: true, can_delete_messages: true });
    await h.engine.configure(GROUP_ID, { ladder: { default: [['reply_refutation', 'delete']] } });
    h.fake.failNext('deleteMessage', { error_code: 400, description: "Bad Request: message can't be deleted" });
    await h.fake.sendMessage(GROUP.id, ALICE.id, TEXT.fiveG);
    await h.adapter.idle();
    const deletions = (await h.records()).flatMap((r) => (r.type === 'outcome' ? r.actions : [])).filter((a) => a.type === 'delete');
    expect(deletions).toEqual([expect.objectContaining({ status: 'failed', error: expect.stringContaining("message can't be deleted") })]);
    expect(h.sentTo(GROUP.id).map((m) => m.text ?? '').filter((t) => t.startsWith('RumorGuard could not'))).toEqual([]);
  });

  it('GIVEN an admin who started the bot WHEN a right is missing THEN the notice goes to that admin privately, not to the group', async () => {
    h = await startBot({ enforceAll: true });
    await h.fake.sendCommand(OWNER.id, OWNER.id, '/start');
    h.fake.setMember(GROUP.id, h.fake.botUser, 'administrator', { can_restrict_members: true, can_delete_messages: false });
    await h.engine.configure(GROUP_ID, { ladder: { default: [['reply_refutation', 'delete']] } });
    await h.fake.sendMessage(GROUP.id, ALICE.id, TEXT.fiveG);
    await h.adapter.idle();
    expect(h.sentTo(GROUP.id).map((m) => m.text ?? '').filter((t) => t.startsWith('RumorGuard could not'))).toEqual([]);
    expect(h.sentTo(OWNER.id).map((m) => m.text ?? '').filter((t) => t.startsWith('RumorGuard could not delete messages in &quot;Town news&quot;'))).toHaveLength(1);
  });

  it('GIVEN the bot may not post in the group THEN the admin who started it is told once, privately, and every incident is still ledgered', async () => {
    h = await startBot();
    await h.fake.sendCommand(OWNER.id, OWNER.id, '/start');
    h.fake.setMember(GROUP.id, h.fake.botUser, 'restricted', { can_send_messages: false });
    await h.fake.sendMessage(GROUP.id, ALICE.id, TEXT.fiveG);
    await h.fake.sendMessage(GROUP.id, ALICE.id, TEXT.garlic);
    await h.adapter.idle();
    expect(h.fake.callsOf('sendMessage').filter((c) => (c.body as { chat_id: number }).chat_id === GROUP.id).map((c) => c.response.ok)).toEqual([false, false]);
    expect(h.sentTo(OWNER.id).map((m) => m.text).filter((t) => t?.startsWith('RumorGuard could not'))).toEqual([
      "RumorGuard could not post its replies in &quot;Town news&quot;: it lacks the &quot;Send messages&quot; right. Give it that right in the group's admin settings; meanwhile every incident is still logged.",
    ]);
    expect(await h.incidents()).toHaveLength(2);
  });

  it('GIVEN the bot was removed from the group (403 "bot is not a member") THEN the admin hears it is no longer a member, not that it lacks a right', async () => {
    h = await startBot();
    await h.fake.sendCommand(OWNER.id, OWNER.id, '/start');
    await h.adapter.idle();
    h.fake.failNext('sendMessage', { error_code: 403, description: 'Forbidden: bot is not a member of the supergroup chat' });
    await h.fake.sendMessage(GROUP.id, ALICE.id, TEXT.fiveG);
    await h.adapter.idle();
    const told = h.sentTo(OWNER.id).map((m) => m.text ?? '').filter((t) => t.startsWith('RumorGuard'));
    expect(told).toEqual([
      'RumorGuard is no longer a member of &quot;Town news&quot;, so it cannot post its replies there. Add it back as an admin to moderate the group; meanwhile nothing there is answered or logged.',
    ]);
  });

  it('GIVEN a 429 on the delete THEN it is tried again after the wait Telegram asks for, and the ledger says done', async () => {
    h = await startBot({ enforceAll: true });
    await h.engine.configure(GROUP_ID, { ladder: { default: [['reply_refutation', 'delete']] } });
    h.fake.failNext('deleteMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    await h.fake.sendMessage(GROUP.id, ALICE.id, TEXT.fiveG);
    await h.adapter.idle();
    await h.moderator.settled();
    expect(h.fake.callsOf('deleteMessage').map((c) => c.response.ok)).toEqual([false, true]);
    const outcomes = (await h.records()).flatMap((r) => (r.type === 'outcome' ? r.actions : []));
    expect(outcomes.find((a) => a.type === 'delete')).toMatchObject({ status: 'done' });
  });

  it('GIVEN the bot may delete THEN the message is deleted', async () => {
    h = await startBot({ enforceAll: true });
    await h.engine.configure(GROUP_ID, { ladder: { default: [['reply_refutation', 'delete']] } });
    const { message } = await h.fake.sendMessage(GROUP.id, ALICE.id, TEXT.fiveG);
    await h.adapter.idle();
    expect(h.fake.callsOf('deleteMessage').map((c) => [c.body, c.response.ok])).toEqual([[{ chat_id: GROUP.id, message_id: message.message_id }, true]]);
  });
});

describe('Telegram: a store outage', () => {
  it('GIVEN the store goes away under the running bot THEN members still get refutations and every incident reaches the ledger', async () => {
    h = await startBot({ enforceAll: true });
    await h.fake.sendMessage(GROUP.id, ALICE.id, TEXT.chatter); // settings are read (and cached) while the store is up
    await h.closeStore();
    await h.fake.sendMessage(GROUP.id, ALICE.id, TEXT.fiveG);
    await h.fake.sendMessage(GROUP.id, OWNER.id, TEXT.garlic);
    await h.adapter.idle();
    expect(h.sentTo(GROUP.id).filter((m) => m.text?.startsWith('ℹ️ <b>Fact check</b>'))).toHaveLength(2);
    const incidents = await h.incidents();
    expect(incidents.map((i) => i.debunkId)).toEqual(['5g-spreads-coronavirus', 'garlic-prevents-infection']);
    expect(incidents.every((i) => i.note?.startsWith('the store is unreachable'))).toBe(true);
  });

  it('GIVEN the store closed WHEN the owner sends /rg pardon THEN they are told it could not be done and to try again (not silence)', async () => {
    h = await startBot();
    await h.fake.sendMessage(GROUP.id, ALICE.id, TEXT.chatter);
    await h.closeStore();
    const { message } = await h.fake.sendCommand(GROUP.id, OWNER.id, `/rg pardon ${ALICE.id}`);
    await h.adapter.idle();
    expect(h.sentTo(GROUP.id).filter((m) => m.reply_parameters?.message_id === message.message_id).map((m) => m.text)).toEqual([
      "That could not be done just now: RumorGuard's storage is not answering. Nothing was changed; please send the command again in a minute.",
    ]);
  });

  it('GIVEN a flood of one rumor during the outage (no repeat window to consult) THEN waiting refutations fold into one', async () => {
    const clock = new FakeClock();
    h = await startBot({ clock });
    await h.fake.sendMessage(GROUP.id, ALICE.id, TEXT.chatter);
    await h.closeStore();
    for (let i = 0; i < 40; i++) await h.fake.sendMessage(GROUP.id, ALICE.id, TEXT.fiveG);
    await h.adapter.outbox.settled();
    expect(h.sentTo(GROUP.id)).toHaveLength(20); // the first minute's allowance
    await clock.advance(60_000);
    await h.adapter.outbox.settled();
    expect(h.sentTo(GROUP.id)).toHaveLength(1); // the other 20 as one reply, to the newest post
    expect(h.adapter.outbox.stats()).toMatchObject({ queued: 0, merged: 19 });
    expect(await h.incidents()).toHaveLength(40);
  });
});
