import { afterEach, describe, expect, it } from 'vitest';
import { ALICE, type BotHarness, GROUP, GROUP_ID, startBot } from '../adapters/telegram/botHarness.js';

// Issue 13 row 3: a post auto-forwarded from the group's linked channel passed the admin check,
// so whoever posts in the channel configured the group (`/rg mode observe`, `/rg exempt 202`).

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** Telegram's service account that posts the linked channel's automatic forwards. */
const TELEGRAM_SERVICE = { id: 777000, first_name: 'Telegram', is_bot: false };
const LINKED_CHANNEL = { id: -1001000000777, type: 'channel', title: 'Town news channel' } as const;
const OTHER_GROUP = { id: -1001000000888, type: 'supergroup', title: 'Another group' } as const;
const GROUP_ANONYMOUS_BOT = { id: 1087968824, first_name: 'Group', username: 'GroupAnonymousBot', is_bot: true };

async function command(bot: BotHarness, from: number, text: string, extra = {}) {
  const { message } = await bot.fake.sendCommand(GROUP.id, from, text, extra);
  await bot.adapter.idle();
  return bot.sentTo(GROUP.id).filter((m) => m.reply_parameters?.message_id === message.message_id).map((m) => m.text ?? '');
}

const REFUSAL = 'Only group admins can configure RumorGuard.';

describe('Telegram: who may configure a group', () => {
  it.each([
    ['an automatic forward from the linked channel', TELEGRAM_SERVICE, { sender_chat: LINKED_CHANNEL, is_automatic_forward: true }],
    ['a post made as another group', GROUP_ANONYMOUS_BOT, { sender_chat: OTHER_GROUP }],
    ['a post made as a channel', { id: 136817688, first_name: 'Channel', is_bot: true }, { sender_chat: LINKED_CHANNEL }],
  ])('GIVEN %s WHEN /rg mode observe and /rg exempt 202 THEN both are refused (the refusal told once), nothing changes, nothing is ledgered', async (_, from, extra) => {
    h = await startBot();
    h.fake.setMember(GROUP.id, from, 'member');
    const before = await h.engine.settingsFor(GROUP_ID);
    expect(await command(h, from.id, '/rg mode observe', extra)).toEqual([REFUSAL]);
    // Told once in ten minutes (a member sending /rg again and again must not use up the group's messages).
    expect(await command(h, from.id, `/rg exempt ${ALICE.id}`, extra)).toEqual([]);
    expect(await h.engine.settingsFor(GROUP_ID)).toEqual(before);
    expect((await h.records()).filter((r) => r.type === 'admin')).toEqual([]);
  });

  it('GIVEN an admin listed by getChatAdministrators, and the anonymous admin posting as this group THEN both configure', async () => {
    h = await startBot();
    const admin = { id: 404, first_name: 'Ada' };
    h.fake.setMember(GROUP.id, admin, 'administrator');
    h.fake.setMember(GROUP.id, GROUP_ANONYMOUS_BOT, 'member');
    expect(await command(h, admin.id, '/rg mode observe')).toEqual(['OK: mode observe']);
    expect(await command(h, GROUP_ANONYMOUS_BOT.id, `/rg exempt ${ALICE.id}`, { sender_chat: h.fake.chat(GROUP.id) })).toEqual([`OK: exempted ${ALICE.id}`]);
    expect(await h.engine.settingsFor(GROUP_ID)).toMatchObject({ mode: 'observe', exemptions: { members: [String(ALICE.id)] } });
  });
});
