import type { ChatMember } from '../engine/chatMessage.js';
import type { Engine } from '../engine/engine.js';
import { mergeSettings, type SettingsOverride } from '../engine/mergeSettings.js';
import type { Language } from '../engine/templates.js';
import { fillTemplate } from '../lib/fillTemplate.js';
import type { GroupSettings } from '../rules/settingsSchema.js';
import type { CommandResult } from './adminCommands.js';
import { COMMAND_TEXTS } from './commandTexts.js';

/** The ledger's name for a change of several settings at once (the dashboard's rules form). */
export const RULES_ACTION = 'rules';

/** "30m", "1h", "1d": a mute's length as the rules file writes it. */
function duration(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes % 1440 === 0) return `${minutes / 1440}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}

/**
 * Lists whose order means nothing (sets): written sorted, so that the same actions or members
 * listed in another order (the rules form lists enabled actions in its own order, `/rg enable`
 * adds at the end) are no change.
 */
const UNORDERED = new Set(['enabledActions', 'exemptions.members', 'exemptions.roles', 'exemptions.channels', 'owners']);

/** Settings as `field.path = value` lines, lists and ladders written as the rules file writes them. */
export function flattenSettings(settings: GroupSettings): Map<string, string> {
  const out = new Map<string, string>();
  const step = (s: readonly { type: string; durationMs?: number }[]) => s.map((a) => (a.durationMs ? `${a.type} ${duration(a.durationMs)}` : a.type)).join(' + ');
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      const items = UNORDERED.has(path) ? [...(value as unknown[])].map(String).sort() : value;
      out.set(path, path.startsWith('ladder.') ? value.map((s) => `[${step(s as { type: string }[])}]`).join(' ') : items.join(', '));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    } else if (value !== undefined) {
      out.set(path, String(value));
    }
  };
  walk(settings, '');
  return out;
}

/** "thresholds.act 0.8 → 0.7; mode observe → enforce": what changed between two settings. */
export function describeChange(before: GroupSettings, after: GroupSettings): string {
  const a = flattenSettings(before);
  const b = flattenSettings(after);
  const changed: string[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const was = a.get(key) ?? '(none)';
    const now = b.get(key) ?? '(none)';
    if (was !== now) changed.push(`${key} ${was || '(empty)'} → ${now || '(empty)'}`);
  }
  return changed.join('; ');
}

/**
 * Whether `override` changes anything of `current`: a command that changes nothing says so, stores
 * nothing (an unchanged value stored would pin the group to it when the rules file's default moves)
 * and is not ledgered.
 */
export const changesAnything = (current: GroupSettings, override: SettingsOverride): boolean =>
  describeChange(current, mergeSettings(current, override) as GroupSettings) !== '';

/**
 * Several settings changed at once (the dashboard's rules form): admins only, one validated
 * change through the engine's configure(), as `/rg` commands make theirs, so nothing the rules
 * file could not hold is ever stored and a refused change stores nothing. The result names its
 * ledger action (`rules`) and says field by field what changed.
 */
export async function changeSettings(engine: Engine, groupId: string, by: ChatMember, override: SettingsOverride, lang: Language = 'en'): Promise<CommandResult> {
  const t = COMMAND_TEXTS[lang];
  if (!by.isAdmin) return { ok: false, error: 'not_admin', reply: t.not_admin };
  const before = await engine.settingsFor(groupId);
  const r = await engine.configure(groupId, override);
  if (!r.ok) return { ok: false, error: 'invalid_settings', reply: `${t.invalid_settings} ${r.problems.join('; ')}` };
  const summary = describeChange(before, r.settings);
  // Saving the form as it was changes nothing, and nothing goes to the ledger.
  if (summary === '') return { ok: true, reply: fillTemplate(t.ok, { summary: t.noChange }) };
  return { ok: true, reply: fillTemplate(t.ok, { summary }), change: { action: RULES_ACTION, summary, override: r.override } };
}
