import { stateKeys } from '../../src/engine/stateKeys.js';
import type { SettingsOverride } from '../../src/engine/mergeSettings.js';
import type { AdapterDeps } from './deps.js';

/**
 * A basic group upgraded to a supergroup gets a new chat id. What the owners configured moves
 * with it: the settings override (validated again), the alert link, and the debunks retired and
 * false positives recorded for the group. Strikes and the ledger
 * chain stay under the old id, and both chains record the move, so the record stays whole.
 */
export async function migrateGroup(deps: AdapterDeps, fromId: number, toId: number): Promise<void> {
  const override = await deps.store.get<SettingsOverride>(stateKeys.settings(String(fromId)));
  const settings = override ? await deps.engine.configure(String(toId), override) : undefined;
  const alertChat = await deps.alerts.targetChat(fromId);
  if (alertChat !== undefined) await deps.alerts.link(toId, alertChat);
  const exclusions = await deps.engine.carryExclusions(String(fromId), String(toId));
  const parts = [settings?.ok ? 'settings' : '', alertChat !== undefined ? 'alert link' : '', exclusions ? 'retired debunks and false positives' : ''].filter(Boolean);
  const carried = parts.length === 0 ? 'nothing to carry over' : parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
  const by = { kind: 'bot' } as const;
  await deps.moderator.recordAction('telegram', String(fromId), by, 'migrated', `group upgraded to supergroup ${toId} (${carried}); strikes and this ledger stay under ${fromId}`);
  await deps.moderator.recordAction('telegram', String(toId), by, 'migrated', `upgraded from group ${fromId} (${carried})`);
  if (settings && !settings.ok) deps.log.warn({ from: fromId, to: toId, problems: settings.problems }, 'telegram: settings not carried over');
}
