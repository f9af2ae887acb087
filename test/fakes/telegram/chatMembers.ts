import type { ChatMember, User } from 'telegraf/types';
import type { MemberExtra, MemberStatus } from './types.js';

/*
 * Building ChatMember objects the way getChatMember returns them: every field the Bot API
 * marks as required for a status is present, so bot code that reads e.g.
 * `can_restrict_members` or `until_date` sees a value and not `undefined`.
 */

/** The administrator rights a plain administrator starts with before `extra` is applied. */
const ADMIN_DEFAULTS = {
  can_be_edited: false,
  is_anonymous: false,
  can_manage_chat: true,
  can_delete_messages: false,
  can_manage_video_chats: false,
  can_restrict_members: false,
  can_promote_members: false,
  can_change_info: false,
  can_invite_users: false,
  can_post_stories: false,
  can_edit_stories: false,
  can_delete_stories: false,
  can_pin_messages: false,
  can_manage_topics: false,
};

/** Names of the per-member send permissions, shared by ChatPermissions and restricted members. */
export const SEND_PERMISSIONS = [
  'can_send_messages',
  'can_send_audios',
  'can_send_documents',
  'can_send_photos',
  'can_send_videos',
  'can_send_video_notes',
  'can_send_voice_notes',
  'can_send_polls',
  'can_send_other_messages',
  'can_add_web_page_previews',
  'can_change_info',
  'can_invite_users',
  'can_pin_messages',
  'can_manage_topics',
] as const;

/** A fully populated ChatMember for `user` with `status`, `extra` overriding the defaults. */
export function buildChatMember(user: User, status: MemberStatus, extra: MemberExtra = {}): ChatMember {
  switch (status) {
    case 'creator':
      return { status, user, is_anonymous: false, ...extra } as ChatMember;
    case 'administrator':
      return { status, user, ...ADMIN_DEFAULTS, ...extra } as ChatMember;
    case 'restricted': {
      const denied = Object.fromEntries(SEND_PERMISSIONS.map((name) => [name, false]));
      return { status, user, is_member: true, ...denied, until_date: 0, ...extra } as ChatMember;
    }
    case 'kicked':
      return { status, user, until_date: 0, ...extra } as ChatMember;
    case 'member':
    case 'left':
      return { status, user, ...extra } as ChatMember;
  }
}

/** True for the owner and administrators. */
export function isAdmin(member: ChatMember): boolean {
  return member.status === 'creator' || member.status === 'administrator';
}

/** True when `member` holds administrator right `right` (the owner holds them all). */
export function hasRight(member: ChatMember, right: 'can_restrict_members' | 'can_delete_messages'): boolean {
  if (member.status === 'creator') return true;
  return member.status === 'administrator' && member[right];
}

/**
 * Why `member` cannot post a message right now, or undefined if they can: Telegram's client
 * would not let a kicked, departed or muted member send anything.
 */
export function whyCannotPost(member: ChatMember, nowSeconds: number): string | undefined {
  if (member.status === 'left' || member.status === 'kicked') return `user ${member.user.id} is not in the chat (status '${member.status}')`;
  if (member.status === 'restricted') {
    const expired = member.until_date > 0 && member.until_date <= nowSeconds;
    if (!expired && (!member.is_member || !member.can_send_messages)) {
      return `user ${member.user.id} is restricted (can_send_messages false until ${member.until_date || 'forever'})`;
    }
  }
  return undefined;
}
