import type { Guild, Message } from 'discord.js';
import { OnceNotices } from '../../src/alerts/onceNotices.js';
import type { ActionIntent } from '../../src/engine/decision.js';
import { Cooldown, QUIET_REPLY_INTERVAL_MS } from '../../src/lib/cooldown.js';
import { refutationButtons } from './buttons.js';
import { type DiscordDeps, guildLanguage } from './deps.js';
import { safeText } from './markdown.js';
import { digestNotice, isMissingPermission } from './outgoing.js';
import { alertEmbed, refutationEmbed } from './replies.js';
import { text } from './texts.js';
import { toChatMessage } from './toChatMessage.js';

/** Discord caps a timeout at 28 days. */
const MAX_TIMEOUT_MS = 28 * 86_400_000;

/** The permissions the bot's actions need, as Discord's role settings name them. */
const RIGHTS = {
  delete: { action: 'delete messages', actionZh: '删除消息', right: 'Manage Messages', rightZh: '管理消息' },
  timeout: { action: 'time members out', actionZh: '禁言成员', right: 'Timeout Members', rightZh: '禁言成员' },
  send: { action: 'post its replies', actionZh: '发送回复', right: 'Send Messages (in Threads)', rightZh: '发送消息（在子区中）' },
} as const;
export type Right = keyof typeof RIGHTS;

/**
 * Guild messages through the engine and their decisions carried out: replies queued, deletions
 * and timeouts made, refusals of those told to the owners once.
 */
export class GuildModeration {
  private readonly notices: OnceNotices;
  private readonly quietReplies: Cooldown;

  constructor(private readonly deps: DiscordDeps) {
    this.notices = new OnceNotices(deps.store, 'dc');
    this.quietReplies = new Cooldown(QUIET_REPLY_INTERVAL_MS, deps.now);
  }

  async moderate(message: Message, edited: boolean): Promise<void> {
    const chatMessage = toChatMessage(message, { edited });
    if (!chatMessage || !message.inGuild()) return;
    const { deps } = this;
    const { decision, recorded, storeError } = await deps.moderator.onMessage(chatMessage);
    if (storeError) deps.log.warn({ err: storeError, guild: message.guildId }, 'discord: store unreachable; decided without strikes');
    if (recorded && recorded.waiting > 0) deps.log.warn({ waiting: recorded.waiting }, 'discord: ledger store unreachable; records wait in the spool');
    const lang = decision.language;
    const channel = message.channelId;
    const plain = (intent: ActionIntent) => safeText(intent.text ?? '', 1500);
    const notice = (priority: 'normal' | 'low', intent: ActionIntent, ping: boolean) =>
      deps.enqueue(priority, digestNotice(channel, plain(intent), message.id, ping), `notices:${priority}`);
    const actions: Promise<void>[] = [];
    for (const intent of decision.actions) {
      const debunk = intent.debunkId ? deps.engine.debunk(intent.debunkId) : undefined;
      switch (intent.type) {
        case 'reply_refutation':
          // Waiting refutations of one rumor fold into one (see the Telegram adapter).
          deps.enqueue(
            'normal',
            {
              to: { channel },
              ...(debunk ? { embeds: [refutationEmbed(debunk, lang)] } : { content: plain(intent) }),
              ...(debunk ? { components: refutationButtons(lang, debunk.id, message.id) } : {}),
              replyTo: message.id,
            },
            `refutation:${intent.debunkId}`,
          );
          break;
        case 'suggest_check':
          if (debunk && this.quietReplies.take(`${channel}:suggest:${debunk.id}`)) {
            deps.enqueue('low', { to: { channel }, content: plain(intent), components: refutationButtons(lang, debunk.id, message.id), replyTo: message.id }, `suggest:${debunk.id}`);
          }
          break;
        case 'pointer':
          // The refutation is right above: one pointer a minute is a reminder, one per post is spam.
          if (this.quietReplies.take(`${channel}:pointer:${intent.debunkId}`)) {
            deps.enqueue('low', { to: { channel }, content: plain(intent), replyTo: message.id }, `pointer:${intent.debunkId}`);
          }
          break;
        case 'warn':
          notice('normal', intent, true);
          break;
        case 'delete':
          actions.push(this.guarded(message, 'delete', `delete of message ${message.id}`, () => message.delete()));
          notice('low', intent, false);
          break;
        case 'mute': {
          const ms = Math.min(MAX_TIMEOUT_MS, Math.max(60_000, intent.durationMs ?? 0));
          const member = message.member;
          if (!member) break;
          actions.push(this.guarded(message, 'timeout', `timeout of member ${member.id} for ${ms / 60_000} min`, () => member.timeout(ms, 'RumorGuard: repeated refuted rumors')));
          notice('normal', intent, false);
          break;
        }
        case 'alert_owners':
          deps.alerts.alert({
            guildId: message.guildId,
            guildName: message.guild.name,
            ownerId: message.guild.ownerId,
            debunkId: intent.debunkId ?? '',
            memberName: chatMessage.member.name,
            strikes: decision.strikes.after,
            lang,
            embed: alertEmbed(message.guild.name, intent.text ?? '', message.url, lang),
          });
          break;
        case 'log':
          break; // written to the ledger by the moderator before anything is carried out
      }
    }
    await Promise.all(actions);
  }

  /**
   * A deletion or timeout. A refusal never crashes the bot: a missing permission is told to the
   * owners once and recorded in the ledger; anything else is logged.
   */
  private async guarded(message: Message<true>, right: Right, what: string, call: () => Promise<unknown>): Promise<void> {
    const guildId = message.guildId;
    try {
      await call();
      await this.notices.solved(guildId, right);
    } catch (error) {
      const description = error instanceof Error ? error.message : String(error);
      this.deps.log.warn({ err: error, guild: guildId }, `discord: ${what} refused`);
      if (!isMissingPermission(error)) return;
      await this.deps.moderator.recordAction('discord', guildId, { kind: 'bot' }, 'action_failed', `${what} refused: ${description}`);
      await this.missingRight(message.guild, right);
    }
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
      this.deps.enqueue('high', { to: await this.deps.alerts.target(guild.id, guild.ownerId), content });
    });
  }
}
