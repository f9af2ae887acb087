import type { DeliveryFate } from '../outbox/types.js';
import type { Attempt } from './moderationPort.js';
import { errorText } from './moderationPort.js';

/**
 * What a message handed to the outbox amounts to for the ledger: sent (alone, or in a digest with
 * others), replaced by a newer reply to the same rumor, dropped under a flood or at shutdown, or
 * refused by the platform.
 */
export function deliveryAttempt(fate: DeliveryFate): Attempt {
  switch (fate.status) {
    case 'sent':
      return fate.carried > 1 ? { status: 'done', detail: `in one message with ${fate.carried - 1} other(s)` } : { status: 'done' };
    case 'replaced':
      return { status: 'skipped', reason: 'merged' };
    case 'dropped':
      return fate.reason === 'closed' ? { status: 'skipped', reason: 'shutdown' } : { status: 'skipped', reason: 'rate_limited', detail: fate.reason };
    case 'failed':
      return { status: 'failed', error: errorText(fate.error) };
  }
}
