import { cpSync, mkdtempSync, readdirSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The tiny hand-written evaluation sets live in test/fixtures/eval under neutral file names, so
 * the repository holds nothing named like the research data sets (which must never be copied
 * here). Tests get a temporary copy laid out with the real names: `tweets-sample/` in the CLEF
 * layout and `weibo-sample/` in the CHECKED layout.
 */
const SOURCE = fileURLToPath(new URL('../fixtures/eval/', import.meta.url));

const LAYOUT_NAMES: Record<string, string> = {
  'claims-docs.tsv': 'verified_claims.docs.tsv',
  'queries.tsv': 'tweets.queries.tsv',
  'claims.json-lines': 'claims.jsonl',
  'queries.json-lines': 'queries.jsonl',
  'non-rumors.txt': 'negatives.txt',
};

function renameTree(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) renameTree(path);
    else if (LAYOUT_NAMES[name]) renameSync(path, join(dir, LAYOUT_NAMES[name]));
  }
}

function materialize(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-eval-fixtures-'));
  cpSync(SOURCE, dir, { recursive: true });
  renameTree(dir);
  return dir;
}

export const FIXTURE_EVAL_DIR = materialize();
