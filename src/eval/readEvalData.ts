import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKED_FILES, readCheckedDataset } from './readCheckedDataset.js';
import { CLEF_FILES, readClefDataset } from './readClefDataset.js';
import type { EvalDataset, EvalLayout, Read } from './types.js';
import { appendAll } from '../lib/appendAll.js';

/** Tells a dataset folder's layout by the files it holds; `null` when it is neither. */
export function detectLayout(dir: string): EvalLayout | null {
  if (existsSync(join(dir, CLEF_FILES.claims))) return 'clef';
  if (existsSync(join(dir, CHECKED_FILES.claims)) && existsSync(join(dir, CHECKED_FILES.queries))) return 'checked';
  return null;
}

const isFolder = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/**
 * Reads every sub-folder of `dataDir` laid out like `clef2020-en/` or `checked-zh/`, whatever its
 * name, in name order. A missing `dataDir` or one without such folders gives no datasets.
 */
export function readEvalData(dataDir: string, onProgress: (message: string) => void = () => {}): Read<EvalDataset[]> {
  const result: Read<EvalDataset[]> = { value: [], problems: [] };
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) return result;
  // A folder linked in ("ln -s ../shared/eval/chat-dev mine/") counts as one: a Dirent tells only that it is a link.
  const folders = readdirSync(dataDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() || (entry.isSymbolicLink() && isFolder(join(dataDir, entry.name))))
    .map((entry) => entry.name)
    .sort();
  for (const name of folders) {
    const dir = join(dataDir, name);
    const layout = detectLayout(dir);
    if (layout === null) continue;
    onProgress(`reading ${name} (${layout} layout)`);
    const read = layout === 'clef' ? readClefDataset(dir, name) : readCheckedDataset(dir, name);
    result.value.push(read.value);
    appendAll(result.problems, read.problems);
  }
  return result;
}
