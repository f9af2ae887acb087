import { afterEach, describe, expect, it } from 'vitest';
import { exportLedger } from '../../../src/ledger/export/exportLedger.js';
import { textCollector } from '../../../src/ledger/export/textSink.js';
import { getPage, LOGIN_LINK, logIn } from '../../dashboard/loginOverHttp.js';
import { ALICE, type BotHarness, GROUP, GROUP_ID, OWNER, startBot } from './botHarness.js';

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** Sends a command in the group and returns the bot's answers to it. */
async function command(bot: BotHarness, from: number, text: string) {
  const { message } = await bot.fake.sendCommand(GROUP.id, from, text);
  await bot.adapter.idle();
  return bot.sentTo(GROUP.id).filter((m) => m.reply_parameters?.message_id === message.message_id).map((m) => m.text ?? '');
}

describe('Telegram: /rg dashboard', () => {
  it('GIVEN the owner started the bot WHEN /rg dashboard in the group THEN the link comes privately, without a preview, and logs the owner in to this group', async () => {
    h = await startBot({ dashboard: true });
    await h.fake.sendCommand(OWNER.id, OWNER.id, '/start');
    await h.adapter.idle();
    h.sentTo(OWNER.id);
    expect(await command(h, OWNER.id, '/rg dashboard')).toEqual(['I sent you a login link to the dashboard in our private chat.']);
    const [dm] = h.sentTo(OWNER.id);
    const link = LOGIN_LINK.exec(dm?.text ?? '')?.[0];
    expect(link?.startsWith(h.dashboardUrl!)).toBe(true);
    // Telegram would fetch a previewed link: it is sent without one.
    const sent = h.fake.callsOf('sendMessage').find((c) => (c.body as { chat_id?: number }).chat_id === OWNER.id && JSON.stringify(c.body).includes('/login/'));
    expect(sent?.body).toMatchObject({ parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
    // Nothing of the link is in the group.
    expect(h.fake.botMessages(GROUP.id).some((m) => LOGIN_LINK.test(m.text ?? ''))).toBe(false);

    const login = await logIn(link!);
    expect(login).toMatchObject({ status: 303, location: `/g/${GROUP_ID}` });
    const overview = await getPage(h.dashboardUrl!, `/g/${GROUP_ID}`, login.cookie!);
    expect(overview.status).toBe(200);
    expect(overview.text).toContain('Town news');
    expect((await h.records()).at(-1)).toMatchObject({ type: 'admin', action: 'dashboard', by: { kind: 'admin', id: String(OWNER.id), name: 'Olivia Owner' } });
  });

  it('GIVEN a member who is not an admin WHEN /rg dashboard THEN the usual refusal, and no link anywhere', async () => {
    h = await startBot({ dashboard: true });
    expect(await command(h, ALICE.id, '/rg dashboard')).toEqual(['Only group admins can configure RumorGuard.']);
    expect(h.fake.callsOf('sendMessage').some((c) => JSON.stringify(c.body).includes('/login/'))).toBe(false);
  });

  it('GIVEN an admin who never opened a private chat with the bot THEN the group is told how, and gets no link', async () => {
    h = await startBot({ dashboard: true });
    h.fake.failNext('sendMessage', { error_code: 403, description: "Forbidden: bot can't initiate conversation with a user" });
    expect(await command(h, OWNER.id, '/rg dashboard')).toEqual(['I cannot write to you privately yet: open a private chat with me, press Start, then send /rg dashboard here again.']);
    expect(h.fake.botMessages(GROUP.id).some((m) => LOGIN_LINK.test(m.text ?? ''))).toBe(false);
  });

  it('GIVEN a link whose admin was demoted before opening it THEN Telegram is asked at login and the link logs nobody in', async () => {
    h = await startBot({ dashboard: true });
    const { url } = await h.dashboard!.links.issue({ platform: 'telegram', user: { id: String(ALICE.id), name: 'Alice' }, groupId: GROUP_ID, lang: 'en' });
    const login = await logIn(url);
    expect(login.status).toBe(403);
    expect(login.cookie).toBeUndefined();
    expect(h.fake.callsOf('getChatAdministrators').length).toBeGreaterThan(0);
  });
});

describe('Telegram: the dashboard\'s report downloads', () => {
  it.each(['csv', 'md', 'json'] as const)('GIVEN a logged-in owner WHEN report.%s is downloaded THEN the file streamed is the ledger export, and the download is ledgered', async (format) => {
    h = await startBot({ dashboard: true });
    const { url } = await h.dashboard!.links.issue({ platform: 'telegram', user: { id: String(OWNER.id), name: 'Olivia Owner' }, groupId: GROUP_ID, groupTitle: GROUP.title, lang: 'en' });
    const login = await logIn(url);
    await h.records(); // the login's own ledger entry delivered first
    const expected = textCollector();
    // The report names the group as the owner knows it, beside its id.
    await exportLedger(h.ledger, GROUP_ID, { format, groupTitle: GROUP.title }, expected.sink);
    const download = await getPage(h.dashboardUrl!, `/g/${GROUP_ID}/report.${format}`, login.cookie!);
    expect(download.status).toBe(200);
    expect(download.text).toBe(expected.text());
    if (format === 'md') expect(download.text.split('\n')[0]).toBe(`# RumorGuard management report: ${GROUP.title} (group ${GROUP_ID})`);
    expect((await h.records()).at(-1)).toMatchObject({ type: 'admin', action: 'export', detail: `ledger report downloaded from the dashboard (${format}, … to …)` });
  });
});
