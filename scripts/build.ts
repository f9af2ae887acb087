import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The repository root: this file lives in `<root>/scripts/`. */
const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Where the compiled command line goes (git-ignored); `dist/cli.js` is the `rumorguard` bin. */
export const DIST_DIR = path.join(ROOT, 'dist');

/**
 * Compiles adapters/cli.ts and everything it imports from src/ into `dist/`: ES modules for Node
 * 20, the npm packages left as imports. Code splitting turns every `await import()` of our own
 * code into a chunk of its own, so a command loads only what it runs. Takes a fraction of a
 * second: `npm install` runs it (the `prepare` script) and so does the test setup, so neither
 * the bin nor the tests ever run a stale build.
 *
 * Only files whose content changed are rewritten, each by an atomic rename, chunks before the
 * entry that imports them: a `rumorguard` started while the build runs never sees a half-written
 * file or an entry whose chunks are missing. Returns the files written.
 */
export async function buildCli(): Promise<string[]> {
  const result = await build({
    absWorkingDir: ROOT,
    // The debunk folder check and long ledger exports run in worker threads, each started from a
    // module of its own.
    entryPoints: {
      cli: 'adapters/cli.ts',
      checkDebunksWorker: 'src/debunks/checkDebunksWorker.ts',
      exportLedgerWorker: 'src/ledger/export/exportLedgerWorker.ts',
    },
    outdir: DIST_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    chunkNames: 'chunks/[name]-[hash]',
    // Stacks name the TypeScript lines when RUMORGUARD_DEBUG turns source maps on.
    sourcemap: 'linked',
    sourcesContent: false,
    write: false,
    logLevel: 'warning',
  });
  const outputs = result.outputFiles.sort((a, b) => rank(a.path) - rank(b.path));
  const written: string[] = [];
  for (const file of outputs) {
    const existing = await readFile(file.path).catch(() => undefined);
    if (existing?.equals(file.contents)) continue;
    await mkdir(path.dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${process.pid}.tmp`;
    await writeFile(temporary, file.contents, { mode: file.path === binPath() ? 0o755 : 0o644 });
    await rename(temporary, file.path);
    written.push(path.relative(ROOT, file.path));
  }
  await removeOthers(new Set(outputs.map((f) => f.path)));
  return written;
}

/** The compiled entry point, `dist/cli.js`. */
export function binPath(): string {
  return path.join(DIST_DIR, 'cli.js');
}

/**
 * Chunks and maps first, then the workers' entries, the bin last: an entry must never import a
 * chunk not yet written, nor the bin start a worker whose module is not there yet.
 */
function rank(file: string): number {
  if (file === binPath()) return 2;
  return path.dirname(file) === DIST_DIR && file.endsWith('.js') ? 1 : 0;
}

/** Chunks of earlier builds (their names carry a content hash) would otherwise pile up. */
async function removeOthers(keep: ReadonlySet<string>): Promise<void> {
  const entries = await readdir(DIST_DIR, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    const file = path.join(entry.parentPath, entry.name);
    // A .tmp file may be another build's, about to be renamed.
    if (entry.isFile() && !keep.has(file) && !file.endsWith('.tmp')) await rm(file, { force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const written = await buildCli();
  const took = Math.round(performance.now() - started);
  process.stderr.write(`rumorguard: built ${path.relative(ROOT, binPath())} in ${took} ms (${written.length} file(s) changed)\n`);
}
