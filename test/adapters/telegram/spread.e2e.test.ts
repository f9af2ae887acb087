import { afterEach, describe, expect, it } from 'vitest';
import { ALICE, BOB, type BotHarness, GROUP, OWNER, startBot } from './botHarness.js';

const SECOND = { id: -1001000000003, type: 'supergroup', title: 'Market street' } as const;
const THIRD = { id: -1001000000004, type: 'supergroup', title: 'School parents' } as const;
const OPTED_OUT = { id: -1001000000005, type: 'supergroup', title: 'Quiet corner' } as const;
const RUMOR = 'URGENT: the east district water supply was poisoned last night, do not drink tap water, forward to everyone';
const ORIGIN = { type: 'channel' as const, chat: { id: -100777, type: 'channel' as const, title: 'News' }, message_id: 7, date: 1_700_000_000 };

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('Telegram: rumors seen across groups', () => {
  it('GIVEN the same new rumor forwarded into 3 groups THEN the operator is alerted once, privately, with the text and where; a group that opted out is not counted', { timeout: 30_000 }, async () => {
    h = await startBot({ operatorIds: [`telegram:${OWNER.id}`] });
    for (const chat of [SECOND, THIRD, OPTED_OUT]) {
      h.fake.addChat(chat);
      h.fake.setMember(chat.id, ALICE, 'member');
      h.fake.setMember(chat.id, BOB, 'member');
    }
    await h.engine.configure(String(OPTED_OUT.id), { spread: { share: false } });
    const forward = async (chatId: number, text: string) => {
      await h!.fake.sendMessage(chatId, ALICE.id, { text, forward_origin: ORIGIN });
      await h!.adapter.idle();
      await h!.moderator.settled();
      await h!.adapter.idle();
    };
    await forward(GROUP.id, RUMOR);
    await forward(OPTED_OUT.id, RUMOR);
    await forward(SECOND.id, `${RUMOR}!!`);
    expect(h.fake.botMessages(OWNER.id)).toEqual([]);
    await forward(THIRD.id, RUMOR.toUpperCase());
    await forward(GROUP.id, RUMOR);
    const alerts = h.fake.botMessages(OWNER.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.text).toContain(`seen in 3 group(s) within 6 h (telegram:${GROUP.id}, telegram:${SECOND.id}, telegram:${THIRD.id})`);
    expect(alerts[0]!.text).toContain('Text: URGENT: THE EAST DISTRICT WATER SUPPLY');
    // Nothing is said in the groups themselves: the rumor is not in the database yet.
    for (const chat of [GROUP, SECOND, THIRD]) expect(h.fake.botMessages(chat.id)).toEqual([]);
  });
});
