import type { KeyValueStore } from '../../src/store/keyValueStore.js';
import { isBotApiError } from './outgoing.js';

/** The rights the bot needs for its actions, as Telegram names them in the admin settings. */
export const RIGHTS = {
  delete: { action: 'delete messages', right: 'Delete messages', actionZh: '删除消息', rightZh: '删除消息' },
  restrict: { action: 'mute members', right: 'Ban users', actionZh: '禁言成员', rightZh: '封禁用户' },
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

/** A missing right is told again after this long if it is still missing. */
export const NOTICE_INTERVAL_MS = 24 * 3_600_000;

/**
 * Tells the owners once that the bot lacks a right, instead of on every message. Remembered in
 * the shared store, so neither several bot processes nor a restart repeat the notice; forgotten
 * as soon as the action works again.
 */
export class PermissionNotices {
  private readonly told = new Set<string>();

  constructor(
    private readonly store: KeyValueStore,
    private readonly notify: (chatId: number, right: Right, groupTitle: string) => Promise<void>,
  ) {}

  /** Notifies unless already done within the interval; true when it notified now. */
  async missing(chatId: number, right: Right, groupTitle: string): Promise<boolean> {
    const key = `tg:notice:${chatId}:${right}`;
    // The in-process set closes the race between two messages failing at once.
    if (this.told.has(key)) return false;
    this.told.add(key);
    if (await this.store.get<boolean>(key)) return false;
    await this.store.set(key, true, NOTICE_INTERVAL_MS);
    await this.notify(chatId, right, groupTitle);
    return true;
  }

  /** The action worked: a later failure is news again. */
  async works(chatId: number, right: Right): Promise<void> {
    const key = `tg:notice:${chatId}:${right}`;
    if (!this.told.delete(key)) return;
    await this.store.delete(key);
  }
}
