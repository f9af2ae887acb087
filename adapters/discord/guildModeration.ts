import { type Guild, type Message, PermissionFlagsBits } from 'discord.js';
import { OnceNotices } from '../../src/alerts/onceNotices.js';
import { isAdminCommand } from '../../src/commands/adminCommands.js';
import { Cooldown } from '../../src/lib/cooldown.js';
import { type DiscordDeps, guildLanguage } from './deps.js';
import type { MessageHandled } from '../../src/moderation/moderator.js';
import { discordPort } from './discordPort.js';
import { picturesOf } from './pictures.js';
import { safeText } from './markdown.js';
import { isMissingPermission } from './outgoing.js';
import { text } from './texts.js';
import { toChatMessage } from './toChatMessage.js';

/** The permissions the bot's actions need, as Discord's role settings name them. */
const RIGHTS = {
  delete: { action: 'delete messages', actionZh: '删除消息', right: 'Manage Messages', rightZh: '管理消息' },
  timeout: { action: 'time members out', actionZh: '禁言成员', right: 'Timeout Members', rightZh: '禁言成员' },
  send: { action: 'post its replies', actionZh: '发送回复', right: 'Send Messages (in Threads)', rightZh: '发送消息（在子区中）' },
  history: { action: 'reply to messages', actionZh: '回复消息', right: 'Read Message History', rightZh: '阅读消息历史记录' },
} as const;
export type Right = keyof typeof RIGHTS;

/**
 * Guild messages through the moderator, with Discord as the port its decisions are carried out
 * through: replies queued, deletions and timeouts made, refusals of those told to the owners once.
 */
/** A manager who types `/rg …` as text again is told again after this long. */
const SLASH_HINT_INTERVAL_MS = 10 * 60_000;

export class GuildModeration {
  private readonly notices: OnceNotices;
  /** Managers told that `/rg` is a slash command here, per server and member (see moderate). */
  private readonly slashHints: Cooldown;

  constructor(private readonly deps: DiscordDeps) {
    this.notices = new OnceNotices(deps.store, 'dc', deps.now);
    this.slashHints = new Cooldown(SLASH_HINT_INTERVAL_MS, deps.now);
  }

  async moderate(message: Message, edited: boolean): Promise<void> {
    const { deps } = this;
    const pictures = picturesOf(message, deps.moderator.imageLimits);
    const chatMessage = toChatMessage(message, { edited, pictures: pictures.length > 0 });
    if (!chatMessage || !message.inGuild()) return;
    // "/rg help" typed as text, as on Telegram: a manager is told the settings are slash commands
    // here (it was ignored without a word), once in a while; anyone else's is a message like any.
    if (isAdminCommand(message.content) && chatMessage.member.isAdmin) {
      if (this.slashHints.take(JSON.stringify([message.guildId, message.author.id]))) {
        const lang = await guildLanguage(deps, message.guildId, message.guild.preferredLocale);
        void deps.enqueue('normal', { to: { channel: message.channelId }, content: text(lang, 'useSlashCommands'), replyTo: message.id });
      }
      return;
    }
    const port = discordPort(message, chatMessage, {
      enqueue: deps.enqueue,
      alerts: deps.alerts,
      now: deps.now,
      guarded: (right, what, call) => this.guarded(message, right, what, call),
    });
    if (pictures.length > 0) {
      // Read in the background, in the server's bounded turn: the event is handled at once.
      const { handled } = await deps.moderator.onPictures(chatMessage, pictures, port);
      void handled.then(
        (done) => done && this.report(message.guildId, done),
        (err: unknown) => deps.log.error({ err, guild: message.guildId }, 'discord: a picture message failed'),
      );
      return;
    }
    this.report(message.guildId, await deps.moderator.onMessage(chatMessage, port));
  }

  private report(guildId: string, { recorded, storeError }: MessageHandled): void {
    const { deps } = this;
    if (storeError) deps.log.warn({ err: storeError, guild: guildId }, 'discord: store unreachable; decided without strikes');
    if (recorded?.storeError) deps.log.warn({ waiting: recorded.waiting, err: recorded.storeError }, 'discord: ledger store unreachable; records wait in the spool');
  }

  /**
   * A deletion or timeout. A refusal rejects with Discord's error (the outcome record keeps it); a
   * missing permission is also told to the owners once, and a success clears that notice.
   */
  private async guarded(message: Message<true>, right: Right, what: string, call: () => Promise<unknown>): Promise<void> {
    const guildId = message.guildId;
    try {
      await call();
    } catch (error) {
      this.deps.log.warn({ err: error, guild: guildId }, `discord: ${what} refused`);
      // Discord refuses with "Missing Permissions" also when the member is above the bot (a higher
      // role, the owner): granting the permission changes nothing then, so the owners are not told so.
      if (isMissingPermission(error) && !this.holds(message.guild, right)) await this.missingRight(message.guild, right).catch(() => undefined);
      throw error;
    }
    await this.notices.solved(guildId, right).catch(() => undefined);
  }

  /** Whether the bot holds the permission `right` names in the server (as far as discord.js knows). */
  private holds(guild: Guild, right: Right): boolean {
    const flags = { delete: PermissionFlagsBits.ManageMessages, timeout: PermissionFlagsBits.ModerateMembers, send: PermissionFlagsBits.SendMessages, history: PermissionFlagsBits.ReadMessageHistory } as const;
    const flag = flags[right];
    return guild.members.me?.permissions.has(flag) ?? false;
  }

  /** Tells the owners, once, that the bot lacks a permission in their server. */
  async missingRight(guild: Guild, right: Right): Promise<void> {
    await this.notices.tell(guild.id, right, async () => {
      const lang = await guildLanguage(this.deps, guild.id, guild.preferredLocale);
      const r = RIGHTS[right];
      const content = text(lang, 'missingRight', {
        guild: safeText(guild.name, 100),
        ...(lang === 'zh' ? { action: r.actionZh, right: r.rightZh } : { action: r.action, right: r.right }),
      });
      // That it cannot post is told by direct message: the alert channel may be where it cannot.
      const to = right === 'send' || right === 'history' ? { user: guild.ownerId } : await this.deps.alerts.target(guild.id, guild.ownerId);
      void this.deps.enqueue('high', { to, content });
    });
  }
}
