import { normalize, type NormalizedText } from '../../matching/normalize.js';
import type { BenchSystem } from './benchSystem.js';

/** Only RumorGuard's text normalization: the floor any matcher built on it pays per message. */
export const normalizeSystem: BenchSystem<null, NormalizedText> = {
  name: 'normalize',
  build: () => null,
  run: (_, message) => normalize(message),
};
