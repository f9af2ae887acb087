import type { OutboxOptions } from './options.js';

/**
 * The outgoing limits the outbox keeps for each platform, on top of one send at a time per chat
 * (which keeps replies in order and lets a more urgent message go next).
 */
export const PLATFORM_LIMITS = {
  /**
   * Telegram allows about 20 messages a minute in one group and about 30 a second in all, and
   * answers 429 past them; the Bot API announces nothing beforehand, so the outbox keeps both.
   */
  telegram: { perChatPerMinute: 20, globalPerSecond: 30 },
  /**
   * Discord announces its limits in every answer's rate-limit headers (per route bucket, and 50
   * requests a second in all); discord.js schedules each request by them and waits out a 429
   * itself. A window of ours would only hold back what Discord allows.
   */
  discord: { perChatPerMinute: null, globalPerSecond: null },
} as const satisfies Record<string, Pick<OutboxOptions<unknown>, 'perChatPerMinute' | 'globalPerSecond'>>;
