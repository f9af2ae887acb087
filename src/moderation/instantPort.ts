import type { ModerationPort } from './moderationPort.js';

/**
 * A platform that does what it is asked at once, every action done: for the pipeline bench and the
 * flood drills, which measure the core (and record every outcome), not a network.
 */
export const instantPort: ModerationPort = {
  reply_refutation: async () => ({ status: 'done' }),
  suggest_check: async () => ({ status: 'done' }),
  pointer: async () => ({ status: 'done' }),
  warn: async () => ({ status: 'done' }),
  delete: async () => ({ status: 'done' }),
  mute: async () => ({ status: 'done' }),
  alert_owners: async () => ({ status: 'done' }),
};
