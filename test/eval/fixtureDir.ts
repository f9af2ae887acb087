import { fileURLToPath } from 'node:url';

/** The tiny hand-written evaluation sets: `tweets-sample/` (CLEF layout) and `weibo-sample/` (CHECKED layout). */
export const FIXTURE_EVAL_DIR = fileURLToPath(new URL('../fixtures/eval/', import.meta.url));
