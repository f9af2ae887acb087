import { PermissionFlagsBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { getPage, LOGIN_LINK, logIn } from '../../dashboard/loginOverHttp.js';
import { ALICE, CHANNEL, type DiscordHarness, GUILD, MOD, startDiscordBot } from './discordHarness.js';

const MANAGE_GUILD = String(PermissionFlagsBits.ManageGuild | PermissionFlagsBits.SendMessages);
const MEMBER = String(PermissionFlagsBits.SendMessages);

let h: DiscordHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('Discord: /rumorguard dashboard', () => {
  it('GIVEN a member with Manage Server THEN the link is in an answer only they see, and logs them in to this server', async () => {
    h = await startDiscordBot({ dashboard: true });
    const ref = await h.fake.slashCommand(GUILD, CHANNEL, MOD.id, 'rumorguard', [{ type: 1, name: 'dashboard' }], { memberPermissions: MANAGE_GUILD });
    const answer = await h.answered(ref);
    expect(answer.callback).toMatchObject({ type: 5, data: { flags: 64 } });
    const content = (answer.edits[0] as { content?: string } | undefined)?.content ?? '';
    expect(content).toMatch(/^Your RumorGuard dashboard for \*\*Town hall\*\*: <http:\/\/127\.0\.0\.1:\d+\/login\/[\w-]{43}>/);
    expect(h.sentTo(CHANNEL).some((m) => LOGIN_LINK.test(JSON.stringify(m)))).toBe(false);

    const login = await logIn(LOGIN_LINK.exec(content)![0]);
    expect(login).toMatchObject({ status: 303, location: `/g/${GUILD}` });
    const overview = await getPage(h.dashboardUrl!, `/g/${GUILD}`, login.cookie!);
    expect(overview.status).toBe(200);
    expect(overview.text).toContain('Town hall');
  });

  it('GIVEN a member without Manage Server THEN the command is refused, and a link issued to them logs nobody in', async () => {
    h = await startDiscordBot({ dashboard: true });
    const ref = await h.fake.slashCommand(GUILD, CHANNEL, ALICE.id, 'rumorguard', [{ type: 1, name: 'dashboard' }], { memberPermissions: MEMBER });
    expect(JSON.stringify((await h.answered(ref)).callback)).not.toMatch(/\/login\//);
    const { url } = await h.dashboard!.links.issue({ platform: 'discord', user: { id: ALICE.id, name: 'Alice' }, groupId: GUILD, lang: 'en' });
    expect((await logIn(url)).status).toBe(403);
  });
});
