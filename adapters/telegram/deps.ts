import type { Telegram } from 'telegraf';
import type { Message } from 'telegraf/types';
import type { Cooldown } from '../../src/lib/cooldown.js';
import type { LoginLinks } from '../../src/dashboard/loginLinks.js';
import type { Engine } from '../../src/engine/engine.js';
import type { Moderator } from '../../src/moderation/moderator.js';
import type { Ledger } from '../../src/ledger/ledger.js';
import type { Logger } from '../../src/lib/logger.js';
import type { DeliveryFate, Priority } from '../../src/outbox/types.js';
import type { KeyValueStore } from '../../src/store/keyValueStore.js';
import type { AdminCache } from './adminCache.js';
import type { AlertRouter } from './alertRouter.js';
import type { Outgoing } from './outgoing.js';
import { topicOf } from './toChatMessage.js';

/** What the adapter's handlers share: the core, the store, the outgoing queue and Telegram. */
export interface AdapterDeps {
  moderator: Moderator;
  engine: Engine;
  /** The ledger, for `/rg incidents` and `/rg export`; absent, those commands say so. */
  ledger?: Ledger;
  store: KeyValueStore;
  admins: AdminCache;
  alerts: AlertRouter;
  telegram: Telegram;
  /** The bot's own user id, once it has connected (getMe). */
  botId: () => number | undefined;
  log: Logger;
  /** Queues a message under the rate limits; resolves (never rejects) with what became of it. */
  enqueue: (chatId: number, priority: Priority, payload: Outgoing, mergeKey?: string) => Promise<DeliveryFate>;
  now: () => number;
  /** The dashboard's login links, for `/rg dashboard`; absent when the dashboard is off. */
  dashboardLinks?: LoginLinks;
  /** The largest document `/rg export` sends (default: the Bot API's 50 MB). */
  uploadLimitBytes?: number;
  /**
   * Answers a member gets at most once in a while in a group (keys: chat and member): the refusal
   * of `/rg` to a member who is not an admin (once in REFUSAL_INTERVAL_MS), and `/check` answered
   * in the group (once in GROUP_CHECK_INTERVAL_MS). Both share the group's 20 messages a minute
   * with the refutations: a member sending either twenty times held the next refutation back a minute.
   */
  courtesy: { refusals: Cooldown; checks: Cooldown };
}

/** A member who is not an admin is told "only admins" again after this long. */
export const REFUSAL_INTERVAL_MS = 10 * 60_000;
/** A member's `/check` in a group is answered there again after this long (in private, always). */
export const GROUP_CHECK_INTERVAL_MS = 60_000;

/**
 * A short HTML answer to a message: a reply, in the message's forum topic (see Outgoing's
 * `topic`), queued like every other message.
 */
export function answer(deps: AdapterDeps, message: Message, html: string, priority: Priority = 'normal', mergeKey?: string): void {
  const topic = topicOf(message);
  void deps.enqueue(message.chat.id, priority, { kind: 'html', html, replyTo: message.message_id, ...(topic !== undefined ? { topic } : {}) }, mergeKey);
}
