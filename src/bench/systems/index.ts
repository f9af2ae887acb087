import type { BenchSystem } from './benchSystem.js';
import { fuseSystem } from './fuse.js';
import { minisearchSystem } from './minisearch.js';
import { normalizeSystem } from './normalize.js';
import { rumorguardSystem } from './rumorguard.js';

export { SYSTEM_NAMES, type BenchSystem, type SystemName, type SystemVerdict } from './benchSystem.js';

/** Every system the bench runs, in order. */
export const SYSTEMS: readonly BenchSystem[] = [rumorguardSystem, fuseSystem, minisearchSystem, normalizeSystem];
