/** A deep partial of settings as written: objects merge, lists and values replace. */
export type SettingsOverride = { [key: string]: unknown };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Merges an override into settings data: nested objects merge, everything else replaces. */
export function mergeSettings(base: unknown, override: SettingsOverride): unknown {
  if (!isObject(base)) return override;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    out[key] = isObject(value) && isObject(out[key]) ? mergeSettings(out[key], value) : value;
  }
  return out;
}
