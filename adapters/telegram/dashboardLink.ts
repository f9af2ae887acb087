import type { Message } from 'telegraf/types';
import type { AdminDirectory, GroupRef } from '../../src/dashboard/adminDirectory.js';
import type { Language } from '../../src/engine/templates.js';
import { storeKey } from '../../src/store/storeKey.js';
import type { AdapterDeps } from './deps.js';
import { unmute } from './liftRestriction.js';
import { escapeHtml } from './html.js';
import { displayName, type GroupChat } from './toChatMessage.js';

/** Groups the dashboard offers an admin, remembered as `/rg dashboard` is used in them. */
const KNOWN_GROUPS = storeKey('dashboard', 'groups', 'telegram');
/** Groups remembered at most (the oldest are forgotten first). */
const MAX_KNOWN = 200;
/** Groups asked about at one login (one getChatAdministrators each, cached a minute). */
const MAX_ASKED = 50;

const TEXTS = {
  en: {
    link: 'Your RumorGuard dashboard for <b>{group}</b>: <a href="{url}">open it</a>\nThe link works once, within 10 minutes. Do not forward it: it logs in as you.',
    sent: 'I sent you a login link to the dashboard in our private chat.',
    startFirst: 'I cannot write to you privately yet: open a private chat with me, press Start, then send /rg dashboard here again.',
    anonymous: 'Anonymous admins cannot get a private link: send /rg dashboard under your own name.',
    off: 'The dashboard is not running on this bot (DASHBOARD_PORT=off).',
  },
  zh: {
    link: '<b>{group}</b> 的 RumorGuard 管理后台：<a href="{url}">点此打开</a>\n链接只能使用一次，10 分钟内有效。请勿转发：它会以你的身份登录。',
    sent: '已在私聊中把管理后台的登录链接发给你。',
    startFirst: '我还不能私信你：请先打开与我的私聊并点击“开始”，然后在这里再次发送 /rg dashboard。',
    anonymous: '匿名管理员无法收到私信链接：请以你自己的身份发送 /rg dashboard。',
    off: '本机器人没有运行管理后台（DASHBOARD_PORT=off）。',
  },
} as const satisfies Record<Language, Record<string, string>>;

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

/**
 * `/rg dashboard` in a group, from an admin: a single-use login link, sent to the admin's private
 * chat (it logs in as them, so it never goes to the group). Returns the group's short answer.
 */
export async function dashboardLink(deps: AdapterDeps, message: Message.TextMessage, chat: GroupChat, anonymous: boolean, lang: Language): Promise<string> {
  const t = TEXTS[lang];
  if (!deps.dashboardLinks) return escapeHtml(t.off);
  if (anonymous || !message.from) return escapeHtml(t.anonymous);
  await remember(deps, { id: String(chat.id), title: chat.title, platform: 'telegram' });
  const { url } = await deps.dashboardLinks.issue({
    platform: 'telegram',
    user: { id: String(message.from.id), name: displayName(message.from) },
    groupId: String(chat.id),
    groupTitle: chat.title,
    lang,
  });
  try {
    // Sent at once, not through the outbox: whether it arrived decides the group's answer. No
    // preview: Telegram's servers would fetch the link.
    await deps.telegram.sendMessage(message.from.id, fill(t.link, { group: escapeHtml(chat.title), url: escapeHtml(url) }), {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
    });
  } catch (error) {
    deps.log.info({ err: error, chat: chat.id }, 'dashboard: private chat with the admin not possible');
    return escapeHtml(t.startFirst);
  }
  return escapeHtml(t.sent);
}

async function remember(deps: AdapterDeps, group: GroupRef): Promise<void> {
  await deps.store.update<Record<string, string>>(KNOWN_GROUPS, (current = {}) => {
    if (current[group.id] === group.title) return current;
    const { [group.id]: _old, ...rest } = current;
    const ids = Object.keys(rest);
    const kept = ids.length >= MAX_KNOWN ? Object.fromEntries(ids.slice(ids.length - MAX_KNOWN + 1).map((id) => [id, rest[id]!])) : rest;
    return { ...kept, [group.id]: group.title };
  });
}

/**
 * The dashboard's admin check on Telegram: getChatAdministrators (through the adapter's cache,
 * a minute old at most). The Bot API cannot list a bot's groups, so the groups offered are those
 * where `/rg dashboard` was used, each confirmed with Telegram.
 */
export function telegramDirectory(deps: AdapterDeps): AdminDirectory {
  const isAdmin = async (userId: string, groupId: string) => {
    const [chat, user] = [Number(groupId), Number(userId)];
    if (!Number.isSafeInteger(chat) || !Number.isSafeInteger(user)) return false;
    return deps.admins.isAdmin(chat, user);
  };
  return {
    platform: 'telegram',
    isAdmin,
    unmute: async (groupId, memberId) => (Number.isSafeInteger(Number(groupId)) ? unmute(deps, Number(groupId), memberId) : 'not_muted'),
    async groupsOf(userId) {
      const known = Object.entries((await deps.store.get<Record<string, string>>(KNOWN_GROUPS)) ?? {}).slice(-MAX_ASKED);
      const checked = await Promise.all(
        known.map(async ([id, title]) => {
          // A group the bot left answers with an error: it is simply not offered.
          const admin = await isAdmin(userId, id).catch(() => false);
          return admin ? [{ id, title, platform: 'telegram' }] : [];
        }),
      );
      return checked.flat();
    },
  };
}
