import { isBotApiError } from './outgoing.js';

/** The rights the bot needs for its actions, as Telegram names them in the admin settings. */
export const RIGHTS = {
  delete: { action: 'delete messages', right: 'Delete messages', actionZh: '删除消息', rightZh: '删除消息' },
  restrict: { action: 'mute members', right: 'Ban users', actionZh: '禁言成员', rightZh: '封禁用户' },
  send: { action: 'post its replies', right: 'Send messages', actionZh: '发送回复', rightZh: '发送消息' },
} as const;
export type Right = keyof typeof RIGHTS;

/** What a refused moderation call means for the owners. */
export type Refusal =
  /** The bot lacks a right: the owners must be told (once). */
  | 'missing_right'
  /** The target cannot be acted on (an admin, the owner, a message already gone): nothing to fix. */
  | 'not_applicable'
  /** Anything else (network, server): logged. */
  | 'other';

const MISSING_RIGHT = /not enough rights|CHAT_ADMIN_REQUIRED|have no rights|need administrator rights|message can't be deleted|not an administrator|bot is not a member|bot was kicked/i;
const NOT_APPLICABLE = /message to delete not found|user is an administrator|can't remove chat owner|can't restrict self|method is available only for supergroups|USER_NOT_PARTICIPANT|PARTICIPANT_ID_INVALID/i;

export function classifyRefusal(error: unknown): Refusal {
  if (!isBotApiError(error)) return 'other';
  if (NOT_APPLICABLE.test(error.description ?? '')) return 'not_applicable';
  if (error.code === 403 || MISSING_RIGHT.test(error.description ?? '')) return 'missing_right';
  return 'other';
}
