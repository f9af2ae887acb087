import type { ChatMember, User } from 'telegraf/types';
import { badRequest } from './botApiError.js';
import { buildChatMember, isAdmin } from './chatMembers.js';
import type { ApiParams, Chat, FakeChatInput, FakeUserInput, MemberExtra, MemberStatus } from './types.js';

/**
 * The chats, users and memberships a test set up. Lookups return the stored objects; whoever
 * hands one to a test or to the bot clones it first, so neither can change the fake's state.
 */
export class ChatDirectory {
  private readonly chats = new Map<number, Chat>();
  private readonly users = new Map<number, User>();
  private readonly members = new Map<number, Map<number, ChatMember>>();

  constructor(readonly botUser: User) {
    this.users.set(botUser.id, botUser);
  }

  /** Store `chat`, with the bot as a member (an administrator outside private chats). */
  addChat(chat: FakeChatInput): Chat {
    const stored = { ...chat } as Chat;
    this.chats.set(chat.id, stored);
    const members = new Map<number, ChatMember>();
    this.members.set(chat.id, members);
    const botMember =
      chat.type === 'private'
        ? buildChatMember(this.botUser, 'member')
        : buildChatMember(this.botUser, 'administrator', { can_delete_messages: true, can_restrict_members: true });
    members.set(this.botUser.id, botMember);
    return stored;
  }

  /** Make `user` known and give them `status` in the chat; returns the stored ChatMember. */
  setMember(chatId: number, user: FakeUserInput | User, status: MemberStatus, extra: MemberExtra): ChatMember {
    const members = this.members.get(chatId);
    if (!members) throw new Error(`setMember: chat ${chatId} was not added with addChat`);
    const asUser: User =
      user.id === this.botUser.id
        ? this.botUser
        : {
            id: user.id,
            is_bot: user.is_bot ?? false,
            first_name: user.first_name,
            ...(user.last_name === undefined ? {} : { last_name: user.last_name }),
            ...(user.username === undefined ? {} : { username: user.username }),
            ...(user.language_code === undefined ? {} : { language_code: user.language_code }),
          };
    this.users.set(asUser.id, asUser);
    const member = buildChatMember(asUser, status, extra);
    members.set(asUser.id, member);
    return member;
  }

  /** Replace a membership, e.g. after restrictChatMember. */
  replaceMember(chatId: number, userId: number, member: ChatMember): void {
    (this.members.get(chatId) as Map<number, ChatMember>).set(userId, member);
  }

  /** A chat added with addChat; a test asking for another one is a mistake in the test. */
  requireChat(chatId: number): Chat {
    const chat = this.chats.get(chatId);
    if (!chat) throw new Error(`chat ${chatId} was not added with addChat`);
    return chat;
  }

  /** A user made known with setMember (or the bot). */
  requireUser(userId: number): User {
    const user = this.users.get(userId);
    if (!user) throw new Error(`user ${userId} is unknown: add them to a chat with setMember first`);
    return user;
  }

  /** The membership getChatMember answers with; strangers have 'left', as at Telegram. */
  memberOf(chatId: number, userId: number): ChatMember {
    const member = this.members.get(chatId)?.get(userId);
    if (member) return member;
    const user = this.users.get(userId) ?? { id: userId, is_bot: false, first_name: `User ${userId}` };
    return buildChatMember(user, 'left');
  }

  /** The bot's own membership, which decides what it may do in the chat. */
  botMember(chatId: number): ChatMember {
    return this.memberOf(chatId, this.botUser.id);
  }

  /** The owner and administrators, the owner first as Telegram lists them. */
  administrators(chatId: number): ChatMember[] {
    const admins = [...(this.members.get(chatId)?.values() ?? [])].filter(isAdmin);
    admins.sort((a, b) => Number(b.status === 'creator') - Number(a.status === 'creator'));
    return admins;
  }

  /** The chat a `chat_id` parameter names (a number or `@username`), or Telegram's 400. */
  chatFromParams(params: ApiParams): Chat {
    const chatId = params.chat_id;
    if (chatId === undefined || chatId === '') throw badRequest('chat_id is empty');
    let chat: Chat | undefined;
    if (typeof chatId === 'number') chat = this.chats.get(chatId);
    else if (typeof chatId === 'string' && /^-?\d+$/.test(chatId)) chat = this.chats.get(Number(chatId));
    else if (typeof chatId === 'string' && chatId.startsWith('@')) {
      const username = chatId.slice(1).toLowerCase();
      chat = [...this.chats.values()].find((candidate) => 'username' in candidate && candidate.username?.toLowerCase() === username);
    }
    if (!chat) throw badRequest('chat not found');
    return chat;
  }
}
