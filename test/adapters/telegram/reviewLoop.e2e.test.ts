import { afterEach, describe, expect, it } from 'vitest';
import { FIVE_G_ID, TEXT } from '../../engine/harness.js';
import { ALICE, BOB, type BotHarness, GROUP, GROUP_ID, OWNER, startBot } from './botHarness.js';

/** A second group the same bot serves, on the same store and database. */
const OTHER = { id: -1001000000003, type: 'supergroup', title: 'Market street' } as const;
const CAROL = { id: 505, first_name: 'Carol' };
const RUMOR = 'The east district water supply was poisoned last night, nobody should drink tap water until Friday';
const REFUTATION = 'The water utility tested every station this morning: the tap water is safe.';

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function command(bot: BotHarness, from: number, text: string, extra = {}) {
  const { message } = await bot.fake.sendCommand(GROUP.id, from, text, extra);
  await bot.adapter.idle();
  return bot.sentTo(GROUP.id).filter((m) => m.reply_parameters?.message_id === message.message_id).map((m) => m.text ?? '');
}

describe('Telegram: closing the loop', () => {
  it('GIVEN a member report WHEN the owner accepts it as a debunk THEN the reported message is answered, AND the next post of that rumor in ANOTHER group is refuted', { timeout: 30_000 }, async () => {
    h = await startBot();
    h.fake.addChat(OTHER);
    h.fake.setMember(OTHER.id, CAROL, 'member');
    const { message: rumor } = await h.fake.sendMessage(GROUP.id, ALICE.id, RUMOR);
    await h.adapter.idle();
    expect(h.sentTo(GROUP.id)).toEqual([]);
    expect(await command(h, BOB.id, '/report made up', { reply_to_message: rumor })).toEqual(['Thanks: the admins will review this message.']);

    // The queue names who reported whom: it goes to the admin privately, the group is told where.
    h.sentTo(OWNER.id);
    expect(await command(h, OWNER.id, '/rg queue')).toEqual(['The review queue is in your private chat with me: it names who reported whom.']);
    const listing = h.sentTo(OWNER.id).at(-1)?.text;
    // Named by its group (an admin of two groups gets both queues in one private chat).
    expect(listing?.split('\n')[0]).toBe(`<b>${GROUP.title}</b>`);
    const id = /^(\S+) report ×1 by Bob/m.exec(listing!)?.[1];
    expect(id).toBeDefined();
    // As sent: HTML, escaped.
    expect(listing).toContain(`Alice: &quot;${RUMOR}&quot;`);
    expect(listing).toContain(`https://t.me/c/1000000001/${rumor.message_id}`);

    const [accepted] = await command(h, OWNER.id, `/rg accept ${id} | false | ${REFUTATION} | https://water.example.org/notice`);
    expect(accepted).toMatch(/^OK: accepted report .* as new debunk \S+ \(false\) for all groups; answering 1 message/);
    await h.moderator.settled();
    await h.adapter.idle();
    const answer = h.fake.botMessages(GROUP.id).find((m) => m.reply_parameters?.message_id === rumor.message_id);
    expect(answer?.text).toContain(REFUTATION);

    const { message: elsewhere } = await h.fake.sendMessage(OTHER.id, CAROL.id, 'FWD: the east district water supply was poisoned last night! nobody should drink tap water');
    await h.adapter.idle();
    const refuted = h.sentTo(OTHER.id).find((m) => m.reply_parameters?.message_id === elsewhere.message_id);
    expect(refuted?.text).toContain(REFUTATION);
    expect((await h.records(String(OTHER.id))).filter((r) => r.type === 'incident')).toHaveLength(1);
    const admin = (await h.records()).filter((r) => r.type === 'admin');
    expect(admin).toMatchObject([{ action: 'accept', by: { kind: 'admin', name: 'Olivia Owner' } }]);
  });

  it('GIVEN a refutation disputed with "Not a rumor?" WHEN the owner accepts THEN the strike is removed, the member told, AND the same message no longer matches in that group', { timeout: 30_000 }, async () => {
    h = await startBot();
    const text = `${TEXT.fiveG}, everyone in our street is saying it`;
    const { message: post } = await h.fake.sendMessage(GROUP.id, ALICE.id, text);
    await h.adapter.idle();
    const [reply] = h.sentTo(GROUP.id);
    expect(await h.engine.strikesOf(GROUP_ID, String(ALICE.id))).toHaveLength(1);
    await h.fake.pressButton(GROUP.id, BOB.id, reply!.message_id, `n:${post.message_id}:${FIVE_G_ID}`);
    await h.fake.pressButton(GROUP.id, ALICE.id, reply!.message_id, `n:${post.message_id}:${FIVE_G_ID}`);

    await command(h, OWNER.id, '/rg queue');
    const listing = h.sentTo(OWNER.id).at(-1)?.text;
    expect(listing).toMatch(/not a rumor ×2 by Bob, Alice/);
    const id = /^(\S+) not a rumor/m.exec(listing!)?.[1];
    const [accepted] = await command(h, OWNER.id, `/rg accept ${id}`);
    expect(accepted).toContain(`${FIVE_G_ID} recorded as a false positive there; strike of ${ALICE.id} withdrawn`);
    expect(await h.engine.strikesOf(GROUP_ID, String(ALICE.id))).toEqual([]);
    await h.moderator.settled();
    await h.adapter.idle();
    const told = h.fake.botMessages(GROUP.id).filter((m) => m.reply_parameters?.message_id === post.message_id);
    expect(told.at(-1)?.text).toBe('An admin agreed this message is not a rumor; the strike it earned is withdrawn.');

    h.sentTo(GROUP.id);
    await h.fake.editMessage(GROUP.id, ALICE.id, post.message_id, `${text}!!`);
    await h.fake.sendMessage(GROUP.id, BOB.id, `${text}`);
    await h.adapter.idle();
    expect(h.sentTo(GROUP.id)).toEqual([]);
    expect(await h.engine.strikesOf(GROUP_ID, String(BOB.id))).toEqual([]);
  });
});
