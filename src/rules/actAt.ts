import type { Stance } from '../matching/types.js';
import type { GroupSettings } from './settingsSchema.js';

/**
 * The score from which a match of this stance is acted on: `thresholds.answer` for a question
 * (answered, never struck), `thresholds.act` for everything else. Never below `suggest`: below it
 * nothing happens, so an owner who raises `suggest` silences weak questions too.
 */
export function actAt(thresholds: GroupSettings['thresholds'], stance: Stance): number {
  if (stance !== 'question' || thresholds.answer === undefined) return thresholds.act;
  return Math.max(thresholds.suggest, Math.min(thresholds.act, thresholds.answer));
}
