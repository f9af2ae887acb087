import type { Guild } from 'discord.js';

/** Ends a member's timeout (a pardon's), if they are timed out: from `/rumorguard pardon` and from the dashboard. */
export async function liftTimeout(guild: Guild | undefined, memberId: string, now: number): Promise<'lifted' | 'not_muted'> {
  const member = await guild?.members.fetch(memberId).catch(() => undefined);
  if (!member || (member.communicationDisabledUntilTimestamp ?? 0) <= now) return 'not_muted';
  await member.timeout(null, 'RumorGuard: strikes pardoned');
  return 'lifted';
}
