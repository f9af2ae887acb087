import type { Stance } from '../matching/types.js';
import type { GroupSettings } from './settingsSchema.js';

/**
 * The score from which a match of this stance is acted on: `thresholds.answer` for a question
 * (answered, never struck), `thresholds.act` for everything else.
 */
export function actAt(thresholds: GroupSettings['thresholds'], stance: Stance): number {
  return stance === 'question' && thresholds.answer !== undefined ? Math.min(thresholds.act, thresholds.answer) : thresholds.act;
}
