import { actThresholdOf } from '../../eval/actThreshold.js';
import { createMatcher } from '../../matching/matcher.js';
import type { Matcher, MessageMatch } from '../../matching/types.js';
import type { BenchSystem } from './benchSystem.js';

const ACT = actThresholdOf();

/** RumorGuard's matcher with its shipped defaults and act threshold, as the bot runs it. */
export const rumorguardSystem: BenchSystem<Matcher, MessageMatch> = {
  name: 'rumorguard',
  build: (debunks) => createMatcher(debunks),
  run: (matcher, message) => matcher.match(message),
  judge: (result) => {
    const top = result.matches[0];
    return {
      topId: top?.debunkId ?? null,
      acts: result.matches.some((m) => m.score >= ACT),
    };
  },
};
