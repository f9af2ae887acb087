import { readFileSync } from 'node:fs';
import { EmbedType, PermissionFlagsBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { FIVE_G_ID } from '../../engine/harness.js';
import { ALICE, BOB, CHANNEL, type DiscordHarness, GUILD, OWNER, startDiscordBot } from './discordHarness.js';

const RUMOR_EN = readFileSync(new URL('../../fixtures/images/rumor-en.png', import.meta.url));
const RUMOR_ZH = readFileSync(new URL('../../fixtures/images/rumor-zh.jpg', import.meta.url));

let h: DiscordHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

// Real OCR (tesseract.js in a worker thread): two small pictures.
describe('Discord: rumors in pictures', () => {
  it('GIVEN a screenshot attached, and a picture in an embed THEN each gets the refutation as a reply AND the incidents name the image', async () => {
    h = await startDiscordBot();
    const attached = await h.fake.memberSays(CHANNEL, ALICE.id, '', { attachments: [{ name: 'weibo.jpg', data: RUMOR_ZH, contentType: 'image/jpeg', width: 520, height: 300 }] });
    await h.adapter.whenHandled(attached.id);
    await h.adapter.idle();
    const [reply] = h.sentTo(CHANNEL);
    expect(reply?.sent).toMatchObject({ message_reference: { message_id: attached.id } });
    // The picture is in Chinese: so is the refutation.
    expect(reply?.embeds[0]?.title).toMatch(/辟谣/);

    const url = h.fake.hostFile('card.png', RUMOR_EN, 'image/png');
    const embedded = await h.fake.memberSays(CHANNEL, BOB.id, 'seen this?', { embeds: [{ type: EmbedType.Image, url, image: { url, proxy_url: url, width: 560, height: 220 } }] });
    await h.adapter.whenHandled(embedded.id);
    await h.adapter.idle();
    expect(h.sentTo(CHANNEL)[0]?.sent).toMatchObject({ message_reference: { message_id: embedded.id } });

    const incidents = await h.incidents();
    expect(incidents.map((i) => [i.messageId, i.debunkId, i.images?.matchedIn])).toEqual([
      [attached.id, 'mosquitoes-spread-coronavirus', 'image'],
      [embedded.id, FIVE_G_ID, 'image'],
    ]);
    expect(incidents.every((i) => i.groupId === GUILD && /^[0-9a-f]{64}$/.test(i.images?.sha256[0] ?? ''))).toBe(true);
  }, 120_000);

  it('GIVEN a manager turned pictures off with /rumorguard images THEN an attached rumor screenshot is not read and nothing is done', async () => {
    h = await startDiscordBot();
    const ref = await h.fake.slashCommand(GUILD, CHANNEL, OWNER.id, 'rumorguard', [{ type: 1, name: 'images', options: [{ type: 3, name: 'images', value: 'off' }] }], {
      memberPermissions: String(PermissionFlagsBits.ManageGuild),
    });
    await h.answered(ref);
    expect((await h.records())[0]).toMatchObject({ type: 'admin', action: 'images', detail: 'text in pictures not read' });
    const attached = await h.fake.memberSays(CHANNEL, ALICE.id, '', { attachments: [{ name: 'card.png', data: RUMOR_EN, contentType: 'image/png', width: 560, height: 220 }] });
    await h.adapter.whenHandled(attached.id);
    await h.adapter.idle();
    expect(h.sentTo(CHANNEL)).toEqual([]);
    expect(await h.incidents()).toEqual([]);
  }, 60_000);
});
