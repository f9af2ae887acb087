/**
 * Loading a large debunk database in a process of its own, so its peak memory is the loader's:
 * issue 13 row 5.
 *   tsx test/probes/largeDebunkLoad.ts write <dir> <debunks> <per file>   the folder, in files
 *   node --expose-gc --import tsx test/probes/largeDebunkLoad.ts load <dir>   one line of JSON:
 *     { ms, debunks, files, peakRssMb, heapMb }
 * heapMb is the heap still used after a full collection with the debunks held (what the bot keeps);
 * peak RSS is higher, as V8 lets the heap grow before collecting where memory is plentiful.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadDebunks } from '../../src/debunks/loadDebunks.js';
import { debunksYaml } from './largeDebunkFiles.js';

function write(dir: string, debunks: number, perFile: number): void {
  for (let from = 0, n = 1; from < debunks; from += perFile, n++) {
    writeFileSync(path.join(dir, `imported-${String(n).padStart(4, '0')}.yaml`), debunksYaml(from, Math.min(debunks, from + perFile)));
  }
}

async function load(dir: string): Promise<void> {
  const started = performance.now();
  const result = await loadDebunks(dir);
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(`did not load: ${result.problems.slice(0, 3).map((p) => p.message).join('; ')}`);
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  (globalThis as { gc?: () => void }).gc?.();
  const heapMb = Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
  console.log(JSON.stringify({ ms: Math.round(ms), debunks: result.debunks.length, files: result.files.length, peakRssMb, heapMb }));
}

const [mode, dir, count, perFile] = process.argv.slice(2);
if (mode === 'write' && dir && count && perFile) write(dir, Number(count), Number(perFile));
else if (mode === 'load' && dir) await load(dir);
else {
  console.error('usage: largeDebunkLoad.ts write <dir> <debunks> <per file> | load <dir>');
  process.exitCode = 2;
}
