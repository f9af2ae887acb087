import { afterEach, describe, expect, it } from 'vitest';
import { FIVE_G_ID, TEXT } from '../../engine/harness.js';
import { ALICE, BOB, type BotHarness, GROUP, GROUP_ID, OWNER, startBot } from './botHarness.js';

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** A message posted in forum topic `id`, as Telegram delivers it. */
const topic = (id: number) => ({ message_thread_id: id, is_topic_message: true as const });

/** Alice posts in the group and the bot has handled it and sent what it sends. */
async function post(bot: BotHarness, from: number, content: Parameters<BotHarness['fake']['sendMessage']>[2]) {
  const { message } = await bot.fake.sendMessage(GROUP.id, from, content);
  await bot.adapter.idle();
  return message;
}

/**
 * What the bot posted in the group since last asked: the topic it asked for (sendMessage's
 * `message_thread_id`), the topic it landed in, and its text.
 */
function sentInGroup(bot: BotHarness, from: number) {
  return bot.fake
    .callsOf('sendMessage')
    .slice(from)
    .filter((c) => (c.body as { chat_id: number }).chat_id === GROUP.id)
    .map((c) => {
      const body = c.body as { message_thread_id?: number; text: string };
      const landed = (c.response as { result?: { message_thread_id?: number } }).result?.message_thread_id;
      return { asked: body.message_thread_id, landed, text: body.text };
    });
}

describe('Telegram: forum topics', () => {
  it('GIVEN a ladder that deletes WHEN members post rumors in topic 99 THEN the refutations, removal notices and warnings go to topic 99, though the message they answer is gone; a rumor in General is answered in General', async () => {
    // Regression (QA t7): deleted first, the message could no longer be replied to, so Telegram
    // sent the answers as plain messages, and with no topic named they landed in General.
    h = await startBot({ enforceAll: true });
    h.fake.setMember(GROUP.id, h.fake.botUser, 'administrator', { can_restrict_members: true, can_delete_messages: true });
    await h.engine.configure(GROUP_ID, { ladder: { default: [['reply_refutation', 'delete'], ['reply_refutation', 'warn', 'delete']] } });
    await post(h, ALICE.id, { text: TEXT.fiveG, ...topic(99) });
    await post(h, ALICE.id, { text: TEXT.garlic, ...topic(99) });
    await post(h, BOB.id, { text: TEXT.fiveG, ...topic(99) });
    expect(h.fake.callsOf('deleteMessage')).toHaveLength(3);
    const sent = sentInGroup(h, 0);
    expect(sent.map((s) => s.text)).toEqual([
      expect.stringMatching(/^ℹ️ <b>Fact check<\/b>/),
      'A message repeating a refuted rumor was removed.',
      expect.stringMatching(/^ℹ️ <b>Fact check<\/b>/),
      expect.stringMatching(/^Alice, please check before sharing: this is strike 2\./),
      'A message repeating a refuted rumor was removed.',
      expect.stringMatching(/^This rumor was answered just now/),
      'A message repeating a refuted rumor was removed.',
    ]);
    expect(sent.map((s) => [s.asked, s.landed])).toEqual(sent.map(() => [99, 99]));

    const before = h.fake.callsOf('sendMessage').length;
    await post(h, BOB.id, TEXT.whatsapp);
    const general = sentInGroup(h, before);
    expect(general.length).toBeGreaterThan(0);
    expect(general.map((s) => [s.asked, s.landed])).toEqual(general.map(() => [undefined, undefined]));
  });

  it('GIVEN topics WHEN a rumor is posted, repeated, asked about or half-said THEN the mute notice, pointer, answer and soft reply each go to the topic of the message they are about', async () => {
    h = await startBot({ enforceAll: true });
    await h.engine.configure(GROUP_ID, { softReply: true, ladder: { default: [['reply_refutation', 'mute 1h']] } });
    await post(h, ALICE.id, { text: TEXT.fiveG, ...topic(99) });
    await post(h, BOB.id, { text: TEXT.fiveG, ...topic(99) });
    const muted = sentInGroup(h, 0);
    expect(muted.map((s) => s.text)).toEqual([
      expect.stringMatching(/^ℹ️ <b>Fact check<\/b>/),
      'Alice is muted for 1 hour for repeating refuted rumors.',
      expect.stringMatching(/^This rumor was answered just now/),
      'Bob is muted for 1 hour for repeating refuted rumors.',
    ]);
    expect(muted.map((s) => s.asked)).toEqual([99, 99, 99, 99]);

    let before = h.fake.callsOf('sendMessage').length;
    await post(h, OWNER.id, { text: 'Is it true that 5G towers spread the coronavirus?', ...topic(100) });
    const answered = sentInGroup(h, before);
    expect(answered.map((s) => s.text)).toEqual([expect.stringMatching(/^ℹ️ <b>Good question<\/b>/)]);
    expect(answered.map((s) => [s.asked, s.landed])).toEqual([[100, 100]]);

    before = h.fake.callsOf('sendMessage').length;
    await post(h, OWNER.id, { text: TEXT.weakFiveG, ...topic(101) });
    const soft = sentInGroup(h, before);
    expect(soft).toHaveLength(1);
    expect(soft.map((s) => [s.asked, s.landed])).toEqual([[101, 101]]);
    expect((await h.incidents()).at(-1)?.actions.map((a) => a.type)).toContain('suggest_check');
  });

  it('GIVEN commands sent in a topic (an admin\'s /rg, a member\'s /rg, /check, /report) THEN each answer goes to that topic, and so does the refutation of a report accepted later', { timeout: 30_000 }, async () => {
    h = await startBot();
    const rumor = await post(h, ALICE.id, { text: 'The east district water supply was poisoned last night, nobody should drink tap water until Friday', ...topic(99) });
    const command = async (from: number, text: string, extra = {}) => {
      const before = h!.fake.callsOf('sendMessage').length;
      await h!.fake.sendCommand(GROUP.id, from, text, { ...topic(99), ...extra });
      await h!.adapter.idle();
      return sentInGroup(h!, before);
    };
    const answers = [
      ...(await command(OWNER.id, '/rg status')),
      ...(await command(OWNER.id, '/rg incidents')),
      ...(await command(ALICE.id, '/rg mode observe')),
      ...(await command(BOB.id, `/check ${TEXT.garlic}`)),
      ...(await command(BOB.id, '/report made up', { reply_to_message: rumor })),
    ];
    expect(answers.map((a) => a.text)).toEqual([
      expect.stringMatching(/^mode: enforce;/),
      'No incidents logged yet.',
      'Only group admins can configure RumorGuard.',
      expect.stringContaining('This resembles known, refuted claims'),
      'Thanks: the admins will review this message.',
    ]);
    expect(answers.map((a) => a.asked)).toEqual([99, 99, 99, 99, 99]);

    await command(OWNER.id, '/rg queue');
    const id = /^(\S+) report ×1 by Bob/m.exec(h.sentTo(OWNER.id).at(-1)?.text ?? '')?.[1];
    const before = h.fake.callsOf('sendMessage').length;
    await h.fake.sendCommand(GROUP.id, OWNER.id, `/rg accept ${id} | false | The water utility tested every station: the tap water is safe. | https://water.example.org/notice`);
    await h.moderator.settled();
    await h.adapter.idle();
    const refuted = sentInGroup(h, before).filter((s) => s.text.includes('the tap water is safe'));
    expect(refuted.map((s) => [s.asked, s.landed])).toEqual([[99, 99]]);
  });

  it('GIVEN a refutation in a topic disputed with "Not a rumor?" WHEN an admin accepts THEN the member is told in that topic', { timeout: 30_000 }, async () => {
    h = await startBot();
    const { message: member } = await h.fake.sendMessage(GROUP.id, ALICE.id, { text: `${TEXT.fiveG}, everyone in our street is saying it`, ...topic(99) });
    await h.adapter.idle();
    const [reply] = h.sentTo(GROUP.id);
    await h.fake.pressButton(GROUP.id, BOB.id, reply!.message_id, `n:${member.message_id}:${FIVE_G_ID}`);
    await h.fake.sendCommand(GROUP.id, OWNER.id, '/rg queue');
    await h.adapter.idle();
    const id = /^(\S+) not a rumor/m.exec(h.sentTo(OWNER.id).at(-1)?.text ?? '')?.[1];
    const before = h.fake.callsOf('sendMessage').length;
    await h.fake.sendCommand(GROUP.id, OWNER.id, `/rg accept ${id}`);
    await h.moderator.settled();
    await h.adapter.idle();
    const told = sentInGroup(h, before).filter((s) => s.text.startsWith('An admin agreed this message is not a rumor'));
    expect(told.map((s) => s.asked)).toEqual([99]);
  });
});
