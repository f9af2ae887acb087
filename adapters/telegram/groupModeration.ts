import type { Message } from 'telegraf/types';
import type { AdapterDeps } from './deps.js';
import { OnceNotices } from '../../src/alerts/onceNotices.js';
import { classifyRefusal, RIGHTS, type Right } from './permissionProblems.js';
import { asRetryAfter, isBotApiError } from './outgoing.js';
import { RetryAfterError } from '../../src/outbox/retryAfterError.js';
import { textHtml } from './texts.js';
import type { MessageHandled } from '../../src/moderation/moderator.js';
import { picturesOf } from './pictures.js';
import { telegramPort } from './telegramPort.js';
import { isGroupChat, toChatMessage, topicOf } from './toChatMessage.js';

/**
 * Group messages through the moderator, with Telegram as the port its decisions are carried out
 * through: replies queued, deletions and mutes made, refusals of those told to the admins once.
 */
export class GroupModeration {
  private readonly notices: OnceNotices;
  /** Titles of groups seen lately, for notices about a group the bot can no longer post in. */
  private readonly titles = new Map<number, string>();

  constructor(private readonly deps: AdapterDeps) {
    this.notices = new OnceNotices(deps.store, 'tg', deps.now);
  }

  /** A group message (or edit) through the engine, and its decision carried out. */
  async moderate(message: Message, edited: boolean): Promise<void> {
    const chat = message.chat;
    if (!isGroupChat(chat)) return;
    this.rememberTitle(chat.id, chat.title);
    const { deps } = this;
    const pictures = picturesOf(message, deps.telegram, deps.moderator.imageLimits);
    const translated = toChatMessage(message, { edited, pictures: pictures.length > 0 });
    if (!translated) return;
    let chatMessage = translated;
    if (!translated.member.isAdmin && message.from && !message.sender_chat) {
      const isAdmin = await deps.admins.isAdmin(chat.id, message.from.id).catch((err: unknown) => {
        // Without the admin list the member is treated as a member: refutations are harmless.
        deps.log.warn({ err, chat: chat.id }, 'telegram: admin list unavailable');
        return false;
      });
      chatMessage = { ...translated, member: { ...translated.member, isAdmin } };
    }
    const topic = topicOf(message);
    const target = {
      chatId: chat.id,
      groupTitle: chat.title,
      messageId: message.message_id,
      ...(topic !== undefined ? { topic } : {}),
      ...(message.from && !message.sender_chat ? { userId: message.from.id } : {}),
    };
    const port = telegramPort(chatMessage, target, {
      enqueue: deps.enqueue,
      alerts: deps.alerts,
      now: deps.now,
      deleteMessage: (chatId, messageId) =>
        this.moderation(chatId, chat.title, 'delete', `delete of message ${messageId}`, () => deps.telegram.deleteMessage(chatId, messageId)),
      mute: (chatId, userId, until) =>
        this.moderation(chatId, chat.title, 'restrict', `mute of member ${userId} until ${new Date(until * 1000).toISOString()}`, () =>
          deps.telegram.restrictChatMember(chatId, userId, {
            permissions: NO_PERMISSIONS,
            until_date: until,
            use_independent_chat_permissions: true,
          }),
        ),
    });
    if (pictures.length > 0) {
      // Read in the background, in the group's bounded turn: the update is answered at once.
      const { handled } = await deps.moderator.onPictures(chatMessage, pictures, port);
      void handled.then(
        (done) => done && this.report(chat.id, done),
        (err: unknown) => deps.log.error({ err, chat: chat.id }, 'telegram: a picture message failed'),
      );
      return;
    }
    this.report(chat.id, await deps.moderator.onMessage(chatMessage, port));
  }

  private report(chatId: number, { recorded, storeError }: MessageHandled): void {
    const { deps } = this;
    if (storeError) deps.log.warn({ err: storeError, chat: chatId }, 'telegram: store unreachable; decided without strikes');
    if (recorded?.storeError) {
      deps.log.warn({ waiting: recorded.waiting, err: recorded.storeError }, 'telegram: ledger store unreachable; records wait in the spool');
    }
  }

  /**
   * A deletion or mute. A refusal rejects with Telegram's error (the outcome record keeps it); a
   * missing right is also told to the admins once, and a success clears that notice.
   */
  private async moderation(chatId: number, groupTitle: string, right: Right, what: string, call: () => Promise<unknown>): Promise<void> {
    try {
      await retryOnceAfter429(call);
    } catch (error) {
      const refusal = classifyRefusal(error);
      this.deps.log.warn({ err: error, chat: chatId, refusal }, `telegram: ${what} refused`);
      if (refusal === 'missing_right' && !(await this.holds(chatId, right))) await this.missingRight(chatId, right, groupTitle).catch(() => undefined);
      throw error;
    }
    await this.notices.solved(String(chatId), right).catch(() => undefined);
  }

  /**
   * A reply the group refused (the bot may not post there): the admins hear of it once, where
   * alerts go; there is no point in posting it to the group itself.
   */
  async cannotPost(chatId: number, error?: unknown): Promise<void> {
    if (chatId >= 0) return; // private chats: the user blocked the bot, nobody to tell
    const groupTitle = this.titles.get(chatId) ?? String(chatId);
    // Removed from the group, the bot lacks no right there: the admins are told it is gone.
    if (isBotApiError(error) && REMOVED.test(error.description ?? '')) {
      await this.notices.tell(String(chatId), 'removed', () => this.tell(chatId, (lang) => textHtml(lang, 'removedFromGroup', { group: groupTitle }), false));
      return;
    }
    await this.missingRight(chatId, 'send', groupTitle);
  }

  private rememberTitle(chatId: number, title: string): void {
    this.titles.delete(chatId);
    this.titles.set(chatId, title);
    if (this.titles.size > 5_000) this.titles.delete(this.titles.keys().next().value!);
  }

  /**
   * Whether the group's admin list says the bot holds the right after all: Telegram answers
   * "message can't be deleted" for a message too old to delete (48 h) as for a bot without the
   * right, and granting a right the bot has changes nothing.
   */
  private async holds(chatId: number, right: Right): Promise<boolean> {
    const botId = this.deps.botId();
    if (botId === undefined || right === 'send') return false;
    const me = (await this.deps.admins.admins(chatId).catch(() => undefined))?.get(botId) as { can_delete_messages?: boolean; can_restrict_members?: boolean } | undefined;
    return right === 'delete' ? me?.can_delete_messages === true : me?.can_restrict_members === true;
  }

  /** Tells the admins once (see OnceNotices) that the bot lacks a right in a group. */
  private missingRight(chatId: number, right: Right, groupTitle: string): Promise<boolean> {
    return this.notices.tell(String(chatId), right, () => this.tellMissingRight(chatId, right, groupTitle));
  }

  /** To the admins where alerts go; in the group itself when no admin can be reached there. */
  private async tellMissingRight(chatId: number, right: Right, groupTitle: string): Promise<void> {
    const r = RIGHTS[right];
    const html = (lang: 'en' | 'zh') =>
      textHtml(lang, 'missingRight', { group: groupTitle, ...(lang === 'zh' ? { action: r.actionZh, right: r.rightZh } : { action: r.action, right: r.right }) });
    await this.tell(chatId, html, right !== 'send');
  }

  /** A notice about a group to the admins where alerts go, else (`inGroup`) in the group itself. */
  private async tell(chatId: number, html: (lang: 'en' | 'zh') => string, inGroup: boolean): Promise<void> {
    const group = await this.deps.engine.settingsFor(String(chatId));
    const text = html(group.language === 'zh' ? 'zh' : 'en');
    const targets = await this.deps.alerts.targets(chatId).catch(() => []);
    for (const target of targets.length > 0 ? targets : inGroup ? [chatId] : []) void this.deps.enqueue(target, 'high', { kind: 'html', html: text });
  }
}

/** The longest `retry_after` a deletion or mute waits out once, in seconds; a longer one fails it. */
const MAX_RETRY_AFTER_S = 30;

/**
 * `call`, once more after the wait a 429 asks for (up to MAX_RETRY_AFTER_S): a one-second rate
 * limit must not cost a strike-3 mute for good, as replies are retried too (QA).
 */
async function retryOnceAfter429(call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (error) {
    const limited = asRetryAfter(error);
    if (!(limited instanceof RetryAfterError) || limited.retryAfterMs > MAX_RETRY_AFTER_S * 1000) throw error;
    await new Promise((resolve) => setTimeout(resolve, limited.retryAfterMs));
    await call();
  }
}

/** Telegram's words for a group the bot was removed from. */
const REMOVED = /bot is not a member|bot was kicked|chat not found/i;

/** A mute: nothing may be sent until the restriction ends. */
const NO_PERMISSIONS = {
  can_send_messages: false,
  can_send_audios: false,
  can_send_documents: false,
  can_send_photos: false,
  can_send_videos: false,
  can_send_video_notes: false,
  can_send_voice_notes: false,
  can_send_polls: false,
  can_send_other_messages: false,
  can_add_web_page_previews: false,
  can_change_info: false,
  can_invite_users: false,
  can_pin_messages: false,
  can_manage_topics: false,
} as const;
