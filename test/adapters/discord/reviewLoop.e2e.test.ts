import { PermissionFlagsBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { FIVE_G_ID, TEXT } from '../../engine/harness.js';
import { ALICE, BOB, BOT_PERMISSIONS, CHANNEL, type DiscordHarness, GUILD, MOD, OWNER, startDiscordBot } from './discordHarness.js';

const MANAGE_GUILD = String(PermissionFlagsBits.ManageGuild | PermissionFlagsBits.SendMessages);
const GUILD2 = '100000000000000020';
const CHANNEL2 = '100000000000000021';
const RUMOR = 'The east district water supply was poisoned last night, nobody should drink tap water until Friday';
const REFUTATION = 'The water utility tested every station this morning: the tap water is safe.';

let h: DiscordHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** `/rumorguard <sub>` by the owner; the (deferred) answer's text. */
async function admin(bot: DiscordHarness, sub: string, options: { type: number; name: string; value: string | boolean }[] = []) {
  const ref = await bot.fake.slashCommand(GUILD, CHANNEL, OWNER.id, 'rumorguard', [{ type: 1, name: sub, options }], { memberPermissions: MANAGE_GUILD });
  return (await bot.answered(ref)).edits.map((e) => String(e.content ?? '')).join('\n');
}

describe('Discord: closing the loop', () => {
  it('GIVEN a message reported with "Report as rumor" WHEN the owner accepts it with a verdict, refutation and source THEN it is answered, AND the next post of that rumor in ANOTHER server is refuted', { timeout: 30_000 }, async () => {
    h = await startDiscordBot();
    await h.fake.addGuild({
      id: GUILD2,
      name: 'Market street',
      ownerId: OWNER.id,
      preferredLocale: 'en-US',
      channels: [{ id: CHANNEL2, name: 'general' }],
      roles: [{ id: GUILD2, name: '@everyone', permissions: PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.ReadMessageHistory }],
      botPermissions: BOT_PERMISSIONS,
    });
    h.fake.addMember(GUILD2, BOB.id);
    const rumor = await h.says(ALICE.id, RUMOR);
    expect(h.sentTo(CHANNEL)).toEqual([]);
    await h.answered(await h.fake.contextMenu(GUILD, CHANNEL, MOD.id, 'Report as rumor', rumor));

    const listing = await admin(h, 'reports');
    const id = /(\S+) report ×1 by Mo/.exec(listing)?.[1];
    expect(id).toBeDefined();
    expect(listing).toContain(RUMOR);
    // The commands it names are Discord's: there is no /rg here.
    expect(listing).toContain(`/rumorguard resolve item:${id} decision:accept verdict:`);
    expect(listing).not.toContain('/rg ');
    const accepted = await admin(h, 'resolve', [
      { type: 3, name: 'item', value: id! },
      { type: 3, name: 'decision', value: 'accept' },
      { type: 3, name: 'verdict', value: 'false' },
      { type: 3, name: 'refutation', value: REFUTATION },
      { type: 3, name: 'source', value: 'https://water.example.org/notice' },
    ]);
    expect(accepted).toMatch(/accepted report .* as new debunk \S+ \(false\) for all groups; answering 1 message/);
    await h.adapter.idle();
    const answer = h.sentTo(CHANNEL).find((m) => m.message_reference?.message_id === rumor.id);
    expect(JSON.stringify(answer?.embeds)).toContain(REFUTATION);

    const elsewhere = await h.says(BOB.id, 'FWD: the east district water supply was poisoned last night! nobody should drink tap water', CHANNEL2);
    const refuted = h.sentTo(CHANNEL2).find((m) => m.message_reference?.message_id === elsewhere.id);
    expect(JSON.stringify(refuted?.embeds)).toContain(REFUTATION);
  });

  // Real-client QA: "/rumorguard strikes" of someone not in the server answered "0 active strike(s)", as for a member.
  it('GIVEN /rumorguard strikes of an id nobody in the server has THEN the answer says RumorGuard has not seen them; a member gets the count alone', { timeout: 30_000 }, async () => {
    h = await startDiscordBot();
    const stranger = '200000000000000099';
    // A Discord user, not in this server.
    h.fake.addUser({ id: stranger, username: 'owen' });
    expect(await admin(h, 'strikes', [{ type: 6, name: 'member', value: stranger }])).toBe(`${stranger}: 0 active strike(s) (RumorGuard has not seen ${stranger} in this group: check the id)`);
    expect(await admin(h, 'strikes', [{ type: 6, name: 'member', value: BOB.id }])).toBe(`${BOB.id}: 0 active strike(s)`);
  });

  // Browser QA: a report from under a refutation, accepted as written, made a second debunk of that rumor.
  it('GIVEN "Report" under a refutation WHEN the owner resolves it with a new debunk THEN it is refused with the rumor named and Discord\'s own way on, AND another_rumor makes it', { timeout: 30_000 }, async () => {
    h = await startDiscordBot();
    const rumor = await h.says(ALICE.id, TEXT.fiveG);
    const [reply] = h.sentTo(CHANNEL);
    await h.answered(await h.fake.pressButton(GUILD, CHANNEL, BOB.id, reply!, `rg:r:${rumor.id}:${FIVE_G_ID}`));
    const [item] = await h.moderator.review!.items(GUILD);
    const resolve = (more: { type: number; name: string; value: string | boolean }[] = []) =>
      admin(h!, 'resolve', [
        { type: 3, name: 'item', value: item!.id },
        { type: 3, name: 'decision', value: 'accept' },
        { type: 3, name: 'verdict', value: 'false' },
        { type: 3, name: 'refutation', value: 'Radio waves carry no virus.' },
        { type: 3, name: 'source', value: 'https://example.org/5g' },
        ...more,
      ]);
    const refused = await resolve();
    expect(refused).toContain(`already matches the known rumor ${FIVE_G_ID}`);
    // As sent: markdown-escaped (Discord shows another_rumor).
    expect(refused).toContain(`/rumorguard resolve item:${item!.id} decision:accept another\\_rumor:True verdict:`);
    expect(refused).not.toContain('/rg ');
    expect(await resolve([{ type: 5, name: 'another_rumor', value: true }])).toMatch(/accepted report .* as new debunk/);
  });

  it('GIVEN "Not a rumor?" on a refutation WHEN the owner accepts it THEN the strike is removed, the member told in the channel, AND the message no longer matches', { timeout: 30_000 }, async () => {
    h = await startDiscordBot();
    const text = `${TEXT.fiveG}, everyone in our street is saying it`;
    const post = await h.says(ALICE.id, text);
    const [reply] = h.sentTo(CHANNEL);
    expect(await h.engine.strikesOf(GUILD, ALICE.id)).toHaveLength(1);
    await h.answered(await h.fake.pressButton(GUILD, CHANNEL, BOB.id, reply!, `rg:n:${post.id}:${FIVE_G_ID}`));
    const id = /(\S+) not a rumor ×1 by Bob/.exec(await admin(h, 'reports'))?.[1];
    const accepted = await admin(h, 'resolve', [
      { type: 3, name: 'item', value: id! },
      { type: 3, name: 'decision', value: 'accept' },
    ]);
    expect(accepted).toContain(`strike of ${ALICE.id} withdrawn`);
    expect(await h.engine.strikesOf(GUILD, ALICE.id)).toEqual([]);
    await h.adapter.idle();
    expect(h.sentTo(CHANNEL).map((m) => [m.content, m.message_reference?.message_id])).toEqual([['An admin agreed this message is not a rumor; the strike it earned is withdrawn.', post.id]]);
    await h.edits(CHANNEL, post.id, `${text}!`);
    await h.says(BOB.id, text);
    expect(h.sentTo(CHANNEL)).toEqual([]);
  });
});
