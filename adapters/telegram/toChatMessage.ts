import type { Chat, MaybeInaccessibleMessage, Message, User } from 'telegraf/types';
import type { ChatMember, ChatMessage } from '../../src/engine/chatMessage.js';

/**
 * Telegram's account that stands for an admin posting anonymously "as the group". Its messages
 * carry `sender_chat` = the group itself.
 */
export const GROUP_ANONYMOUS_BOT_ID = 1087968824;

export type GroupChat = Chat.GroupChat | Chat.SupergroupChat;

export const isGroupChat = (chat: Chat): chat is GroupChat => chat.type === 'group' || chat.type === 'supergroup';

/**
 * "Ada Lovelace", or the chat's title for posts made as a chat. A Chinese or Japanese name is
 * written without a space between its parts: "王小明", not "王 小明".
 */
export const displayName = (user: Pick<User, 'first_name' | 'last_name'>): string => {
  const first = user.first_name ?? '';
  const last = user.last_name ?? '';
  if (!first || !last) return first || last;
  return HAN_END.test(first) && HAN_START.test(last) ? `${first}${last}` : `${first} ${last}`;
};
const HAN_END = /\p{Script=Han}$/u;
const HAN_START = /^\p{Script=Han}/u;

/**
 * Who sent a group message, as the engine sees members. Posts made as the group (anonymous admins)
 * count as the admins'; posts made as a channel are that channel's. Other bots, this one included,
 * are not members: undefined.
 */
export function senderOf(message: Message, chat: GroupChat): (ChatMember & { anonymousAdmin: boolean }) | undefined {
  const senderChat = message.sender_chat;
  if (senderChat) {
    const asGroup = senderChat.id === chat.id;
    // An automatic forward is the group's linked channel: the owners' own posts, which moderation
    // leaves alone. It configures nothing (see isSenderAdmin): channel posters need not be admins.
    const ownChannel = 'is_automatic_forward' in message && message.is_automatic_forward === true;
    const title = 'title' in senderChat ? senderChat.title : 'chat';
    return { id: `chat:${senderChat.id}`, name: title, isAdmin: asGroup || ownChannel, anonymousAdmin: asGroup };
  }
  const from = message.from;
  if (!from || from.is_bot) return undefined;
  return { id: String(from.id), name: displayName(from), anonymousAdmin: false };
}

/** A link to the message: public groups by username, private supergroups by their internal id. */
export function messageLink(chat: GroupChat, messageId: number): string | undefined {
  if (chat.type !== 'supergroup') return undefined; // basic groups have no message links
  if (chat.username) return `https://t.me/${chat.username}/${messageId}`;
  const internal = String(chat.id).replace(/^-100/, '');
  return `https://t.me/c/${internal}/${messageId}`;
}

/**
 * The forum topic a message is in (its `message_thread_id`), or undefined: in General, or in a
 * group without topics, where `message_thread_id` names a thread of replies, not a place to post.
 */
export function topicOf(message: MaybeInaccessibleMessage): number | undefined {
  return 'is_topic_message' in message && message.is_topic_message ? message.message_thread_id : undefined;
}

/** Text or caption: what a member said with the message. */
export function textOf(message: Message): string | undefined {
  if ('text' in message && typeof message.text === 'string') return message.text;
  if ('caption' in message && typeof message.caption === 'string') return message.caption;
  if ('poll' in message && message.poll) return [message.poll.question, ...message.poll.options.map((o) => o.text)].join('\n');
  return undefined;
}

/**
 * A group message (or an edit of one) in the engine's platform-free shape, or undefined when the
 * engine has nothing to read: not a group, no text, or sent by a bot.
 */
export function toChatMessage(message: Message, options: { edited: boolean; pictures?: boolean }): ChatMessage | undefined {
  const chat = message.chat;
  if (!isGroupChat(chat)) return undefined;
  // A picture without a caption still has something to read.
  const text = textOf(message) ?? '';
  if (text.trim() === '' && !options.pictures) return undefined;
  const sender = senderOf(message, chat);
  if (!sender) return undefined;
  const { anonymousAdmin: _anonymous, ...member } = sender;
  const editDate = 'edit_date' in message ? message.edit_date : undefined;
  const link = messageLink(chat, message.message_id);
  const topic = topicOf(message);
  return {
    platform: 'telegram',
    groupId: String(chat.id),
    ...(topic !== undefined ? { channelId: String(topic) } : {}),
    messageId: String(message.message_id),
    member,
    text,
    sentAt: (options.edited && editDate ? editDate : message.date) * 1000,
    ...(options.edited ? { edited: true } : {}),
    ...('forward_origin' in message && message.forward_origin ? { forwarded: true } : {}),
    ...(link ? { link } : {}),
  };
}
