import { PermissionFlagsBits, type Client } from 'discord.js';
import type { AdminDirectory } from '../../src/dashboard/adminDirectory.js';
import type { LoginLinks } from '../../src/dashboard/loginLinks.js';
import type { Language } from '../../src/engine/templates.js';
import { liftTimeout } from './liftTimeout.js';

/** Servers asked about at one login (a member fetch each, from discord.js's cache when it has it). */
const MAX_ASKED = 100;

const TEXTS = {
  en: {
    link: 'Your RumorGuard dashboard for **{guild}**: <{url}>\nThe link works once, within 10 minutes. Do not share it: it logs in as you.',
    off: 'The dashboard is not running on this bot (DASHBOARD_PORT=off).',
  },
  zh: {
    link: '**{guild}** 的 RumorGuard 管理后台：<{url}>\n链接只能使用一次，10 分钟内有效。请勿分享：它会以你的身份登录。',
    off: '本机器人没有运行管理后台（DASHBOARD_PORT=off）。',
  },
} as const satisfies Record<Language, Record<string, string>>;

/**
 * `/rumorguard dashboard`: a single-use login link in the answer only the admin sees (the
 * command's answers are ephemeral). `guildName` is already escaped for Discord markdown.
 */
export async function dashboardLinkText(
  links: LoginLinks | undefined,
  request: { userId: string; userName: string; guildId: string; guildTitle: string; guildName: string; lang: Language },
): Promise<string> {
  const t = TEXTS[request.lang];
  if (!links) return t.off;
  const { url } = await links.issue({
    platform: 'discord',
    user: { id: request.userId, name: request.userName },
    groupId: request.guildId,
    groupTitle: request.guildTitle,
    lang: request.lang,
  });
  // <…> around the link: Discord shows no preview of it.
  return t.link.replace('{guild}', request.guildName).replace('{url}', url);
}

/**
 * The dashboard's admin check on Discord: the Manage Server permission, as `/rumorguard` checks
 * it, from the member as Discord reports it now. The servers offered are those of this bot
 * process (with shards: the dashboard's shard).
 */
export function discordDirectory(client: Client, now: () => number = Date.now): AdminDirectory {
  // A server of another shard is not in this process's cache: Discord's REST API knows it.
  const guildOf = async (guildId: string) =>
    /^\d{1,20}$/.test(guildId) ? (client.guilds.cache.get(guildId) ?? (await client.guilds.fetch(guildId).catch(() => undefined))) : undefined;
  const isAdmin = async (userId: string, guildId: string) => {
    if (!/^\d{1,20}$/.test(userId)) return false;
    const guild = await guildOf(guildId);
    if (!guild) return false;
    const member = await guild.members.fetch(userId).catch(() => undefined);
    return member?.permissions.has(PermissionFlagsBits.ManageGuild) ?? false;
  };
  return {
    platform: 'discord',
    isAdmin,
    unmute: async (guildId, memberId) => (/^\d{1,20}$/.test(memberId) ? liftTimeout(await guildOf(guildId), memberId, now()) : 'not_muted'),
    async groupsOf(userId) {
      const guilds = [...client.guilds.cache.values()].slice(0, MAX_ASKED);
      const checked = await Promise.all(guilds.map(async (g) => ((await isAdmin(userId, g.id)) ? [{ id: g.id, title: g.name, platform: 'discord' }] : [])));
      return checked.flat();
    },
  };
}
