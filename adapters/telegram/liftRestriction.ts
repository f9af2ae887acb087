import type { AdapterDeps } from './deps.js';

/**
 * Whether Telegram knows the member in the group: any status but 'left' and 'kicked' (a stranger
 * has 'left'); an id Telegram refuses is nobody. For an exemption's answer, which warns of an id
 * nobody in the group has (a mistyped one).
 */
export async function inGroup(deps: AdapterDeps, chatId: number, memberId: string): Promise<boolean> {
  const userId = Number(memberId);
  if (!Number.isSafeInteger(userId)) return false;
  const member = await deps.telegram.getChatMember(chatId, userId).catch(() => undefined);
  return member !== undefined && member.status !== 'left' && member.status !== 'kicked';
}

/** Lifts a member's restriction (a pardon's), if they are restricted from sending. */
export async function unmute(deps: AdapterDeps, chatId: number, memberId: string): Promise<'lifted' | 'not_muted'> {
  const userId = Number(memberId);
  if (!Number.isSafeInteger(userId)) return 'not_muted';
  const member = await deps.telegram.getChatMember(chatId, userId);
  if (member.status !== 'restricted' || member.can_send_messages) return 'not_muted';
  // The Bot API's way to lift restrictions: every permission granted back.
  await deps.telegram.restrictChatMember(chatId, userId, { permissions: ALL_PERMISSIONS, use_independent_chat_permissions: true });
  return 'lifted';
}

/** What restrictChatMember is given to lift every restriction (see the mute's NO_PERMISSIONS). */
const ALL_PERMISSIONS = {
  can_send_messages: true,
  can_send_audios: true,
  can_send_documents: true,
  can_send_photos: true,
  can_send_videos: true,
  can_send_video_notes: true,
  can_send_voice_notes: true,
  can_send_polls: true,
  can_send_other_messages: true,
  can_add_web_page_previews: true,
  can_change_info: true,
  can_invite_users: true,
  can_pin_messages: true,
  can_manage_topics: true,
} as const;
