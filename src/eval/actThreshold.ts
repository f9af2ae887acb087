import { fileURLToPath } from 'node:url';
import { loadSettingsFile } from '../rules/loadSettings.js';

/** The shipped rules file, wherever the process runs from. */
export const SHIPPED_RULES_FILE = fileURLToPath(new URL('../../rules/default.yaml', import.meta.url));

/**
 * The act threshold of a rules file (default: the shipped rules/default.yaml), for the bench and
 * tests, which measure the matcher as the bot runs it. A broken shipped file is a bug: it throws.
 */
export function actThresholdOf(file: string = SHIPPED_RULES_FILE): number {
  const rules = loadSettingsFile(file);
  if (!rules.ok) throw new Error(`${file}: ${rules.problems.map((p) => p.message).join('; ')}`);
  return rules.settings.thresholds.act;
}
