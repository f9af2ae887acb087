import { managementReport } from '../../../src/ledger/export/managementReport.js';
import { textCollector } from '../../../src/ledger/export/textSink.js';
import { afterEach, describe, expect, it } from 'vitest';
import { TEXT, FIVE_G_ID, FIVE_G_SOURCE } from '../../engine/harness.js';
import { ALICE, type BotHarness, GROUP, GROUP_ID, startBot } from './botHarness.js';

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('Telegram: a known rumor in a group', () => {
  it('GIVEN a member posts a known rumor THEN the bot replies inline with verdict, refutation, source link and buttons, AND the incident is in the ledger', async () => {
    h = await startBot();
    const { message } = await h.fake.sendMessage(GROUP.id, ALICE.id, TEXT.fiveG);
    await h.adapter.idle();
    const [reply, ...rest] = h.sentTo(GROUP.id);
    expect(rest).toEqual([]);
    expect(reply).toMatchObject({ parse_mode: 'HTML', reply_parameters: { message_id: message.message_id, allow_sending_without_reply: true } });
    expect(reply?.text).toMatch(/^ℹ️ <b>Fact check<\/b> · rated <b>false<\/b>\n/);
    expect(reply?.text).toContain(`<a href="${FIVE_G_SOURCE}">`);
    const buttons = (reply?.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard.flat();
    expect(buttons.map((b) => b.text)).toEqual(['Sources', 'Not a rumor?']);
    expect(h.fake.callsOf('sendMessage')[0]?.body).toMatchObject({ link_preview_options: { is_disabled: true } });

    const [incident] = await h.incidents();
    expect(incident).toMatchObject({
      platform: 'telegram',
      groupId: GROUP_ID,
      messageId: String(message.message_id),
      link: `https://t.me/c/1000000001/${message.message_id}`,
      member: { id: String(ALICE.id), name: 'Alice' },
      debunkId: FIVE_G_ID,
    });
    expect((await h.ledger.verify(GROUP_ID)).ok).toBe(true);
  });

  it('GIVEN a Chinese rumor THEN the refutation is in Chinese', async () => {
    h = await startBot();
    await h.fake.sendMessage(GROUP.id, ALICE.id, TEXT.fiveGZh);
    await h.adapter.idle();
    expect(h.sentTo(GROUP.id)[0]?.text).toMatch(/^ℹ️ <b>辟谣提示<\/b> · 认定为「<b>不实<\/b>」/);
  });

  // QA: a member writing traditional characters (Taiwan, Hong Kong) was answered in simplified ones.
  it('GIVEN a Chinese rumor in traditional characters THEN the refutation and its buttons are in traditional characters', async () => {
    h = await startBot();
    await h.fake.sendMessage(GROUP.id, ALICE.id, '5G基站會傳播新冠病毒，大家小心');
    await h.adapter.idle();
    const [reply] = h.sentTo(GROUP.id);
    expect(reply?.text).toMatch(/^ℹ️ <b>闢謠提示<\/b> · 認定為「<b>不實<\/b>」\n病毒不能通過無線電波/);
    const buttons = (reply?.reply_markup as { inline_keyboard: { text: string }[][] }).inline_keyboard.flat();
    expect(buttons.map((b) => b.text)).toEqual(['來源', '不是謠言？']);
  });

  it('GIVEN a photo whose caption repeats a rumor THEN the caption is checked', async () => {
    h = await startBot();
    await h.fake.sendMessage(GROUP.id, ALICE.id, { caption: TEXT.garlic, photo: [{ file_id: 'p', file_unique_id: 'p', width: 1, height: 1 }] });
    await h.adapter.idle();
    expect(h.sentTo(GROUP.id)).toHaveLength(1);
  });

  it('GIVEN small talk THEN the bot stays quiet and logs nothing', async () => {
    h = await startBot();
    await h.fake.sendMessage(GROUP.id, ALICE.id, TEXT.chatter);
    await h.adapter.idle();
    expect(h.sentTo(GROUP.id)).toEqual([]);
    expect(await h.records()).toEqual([]);
  });

  it('GIVEN another bot posts a rumor THEN it is ignored', async () => {
    h = await startBot();
    h.fake.setMember(GROUP.id, { id: 4242, first_name: 'Spam', is_bot: true }, 'member');
    await h.fake.sendMessage(GROUP.id, 4242, TEXT.fiveG);
    await h.adapter.idle();
    expect(h.sentTo(GROUP.id)).toEqual([]);
  });

  it('GIVEN an edit turns small talk into a rumor THEN the edit is checked and answered', async () => {
    h = await startBot();
    const { message } = await h.fake.sendMessage(GROUP.id, ALICE.id, TEXT.chatter);
    await h.fake.editMessage(GROUP.id, ALICE.id, message.message_id, TEXT.fiveG);
    await h.adapter.idle();
    const [reply] = h.sentTo(GROUP.id);
    expect(reply?.reply_parameters?.message_id).toBe(message.message_id);
    expect((await h.incidents())[0]?.debunkId).toBe(FIVE_G_ID);
  });

  it('GIVEN the same rumor twice within the repeat window THEN the second gets a pointer to the first, not a second refutation', async () => {
    h = await startBot();
    const first = await h.fake.sendMessage(GROUP.id, ALICE.id, TEXT.fiveG);
    await h.adapter.idle();
    await h.fake.sendMessage(GROUP.id, ALICE.id, TEXT.fiveG);
    await h.adapter.idle();
    const [, pointer] = h.sentTo(GROUP.id);
    expect(pointer?.text).toBe(`This rumor was answered just now: https://t.me/c/1000000001/${first.message.message_id}`);
  });

  it('GIVEN a third post within the minute THEN no second pointer is planned (one a minute), and the ledger and the report say so', async () => {
    h = await startBot();
    for (let i = 0; i < 3; i++) {
      await h.fake.sendMessage(GROUP.id, ALICE.id, TEXT.fiveG);
      await h.adapter.idle();
    }
    expect(h.sentTo(GROUP.id)).toHaveLength(2);
    const outcomes = (await h.records()).flatMap((r) => (r.type === 'outcome' ? r.actions : []));
    expect(outcomes.map((a) => [a.type, a.status])).toEqual([
      ['reply_refutation', 'done'],
      ['pointer', 'done'],
    ]);
    // The third incident plans no reply at all (its ladder step's warning and mute are withheld here).
    const incidents = await h.incidents();
    const replies = (i: (typeof incidents)[number]) => i.actions.map((a) => a.type).filter((t) => t === 'reply_refutation' || t === 'pointer');
    expect(incidents.map((i) => [replies(i), i.strikes])).toEqual([
      [['reply_refutation'], 1],
      [['pointer'], 2],
      [[], 3],
    ]);
    const report = textCollector();
    await managementReport(h.ledger, GROUP_ID, 'en', Date.now(), report.sink);
    // | action | done | skipped | failed | withheld | no outcome recorded |
    expect(report.text()).toContain('| Pointers to an earlier refutation | 1 | 0 | 0 | 0 | 0 |');
  });

  it.each(['/help', '/start', '/report'])('GIVEN a rumor written after %s in the group THEN it is still answered', async (command) => {
    h = await startBot();
    await h.fake.sendCommand(GROUP.id, ALICE.id, `${command} ${TEXT.fiveG}`);
    await h.adapter.idle();
    expect(h.sentTo(GROUP.id).some((m) => m.text?.startsWith('ℹ️ <b>Fact check</b>'))).toBe(true);
    expect((await h.incidents())[0]?.debunkId).toBe(FIVE_G_ID);
  });
});

describe('Telegram: a message carrying two known rumors', () => {
  it('GIVEN a member posts two rumors in one message THEN one reply holds both refutations within Telegram\'s limit, AND the ledger names both', async () => {
    h = await startBot();
    const { message } = await h.fake.sendMessage(GROUP.id, ALICE.id, `${TEXT.garlic}. Also mosquitoes spread the coronavirus, so use a net.`);
    await h.adapter.idle();
    const [reply, ...rest] = h.sentTo(GROUP.id);
    expect(rest).toEqual([]);
    expect(reply).toMatchObject({ parse_mode: 'HTML', reply_parameters: { message_id: message.message_id, allow_sending_without_reply: true } });
    const text = reply?.text ?? '';
    expect(text.match(/ℹ️ <b>Fact check<\/b>/g)).toHaveLength(2);
    expect(text).toContain('garlic');
    expect(text).toContain('mosquito');
    expect(text.length).toBeLessThanOrEqual(4096);
    const [incident] = await h.incidents();
    expect(incident).toMatchObject({ debunkId: 'garlic-prevents-infection', also: [expect.objectContaining({ debunkId: 'mosquitoes-spread-coronavirus' })] });
    expect((await h.ledger.verify(GROUP_ID)).ok).toBe(true);
  });
});
