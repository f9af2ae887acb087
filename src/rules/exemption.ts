import type { ChatMessage } from '../engine/chatMessage.js';
import type { Reason } from './reasons.js';
import type { GroupSettings } from './settingsSchema.js';

/** Why the sender is exempt from warnings and mutes, or undefined when they are not. */
export function exemptionOf(message: ChatMessage, settings: GroupSettings): { reason: Reason; detail: string } | undefined {
  const e = settings.exemptions;
  if (e.admins && message.member.isAdmin) return { reason: 'exempt_admin', detail: message.member.name };
  if (e.members.includes(message.member.id)) return { reason: 'exempt_member', detail: message.member.id };
  const role = message.member.roles?.find((r) => e.roles.includes(r));
  if (role !== undefined) return { reason: 'exempt_role', detail: role };
  if (message.channelId !== undefined && e.channels.includes(message.channelId)) {
    return { reason: 'exempt_channel', detail: message.channelId };
  }
  if (message.parentChannelId !== undefined && e.channels.includes(message.parentChannelId)) {
    return { reason: 'exempt_channel', detail: `${message.parentChannelId} (thread ${message.channelId ?? ''})` };
  }
  return undefined;
}
