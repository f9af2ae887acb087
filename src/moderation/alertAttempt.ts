import type { DeliveryFate } from '../outbox/types.js';
import { deliveryAttempt } from './deliveryAttempt.js';
import type { Attempt } from './moderationPort.js';

/**
 * An owner alert sent to several chats (each admin, or the alert channel): done when at least one
 * got it; with no chat to send it to, skipped; otherwise what became of the first.
 */
export function alertAttempt(fates: readonly DeliveryFate[]): Attempt {
  if (fates.length === 0) return { status: 'skipped', reason: 'no_target', detail: 'no alert chat linked and no owner reachable' };
  const sent = fates.filter((f) => f.status === 'sent').length;
  if (sent > 0) return { status: 'done', detail: `to ${sent} of ${fates.length} chat(s)` };
  return deliveryAttempt(fates[0]!);
}

/** An alert held back because the owners heard of this rumor moments ago: it is counted in the digest. */
export const heldAlert = (): Attempt => ({ status: 'skipped', reason: 'merged', detail: 'counted in the digest of this rumor' });
