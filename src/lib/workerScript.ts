import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { WorkerOptions } from 'node:worker_threads';

/**
 * How to start the worker thread whose module is `name` (without extension), for code at `from`
 * (its import.meta.url). From the compiled bin it is dist/<name>.js, an entry point of its own
 * (scripts/build.ts), beside the calling code or one folder up (from dist/chunks/). From the
 * TypeScript sources (`npm start`, tsx, vitest) it is <name>.ts beside the calling file,
 * required through tsx's CommonJS hook: on Node 20 a worker does not get the ESM loader hooks
 * that `--import tsx` sets up (its module would fail with ERR_UNKNOWN_FILE_EXTENSION), and vitest
 * runs TypeScript without tsx at all. Undefined when the module is not there.
 */
export function workerScript(from: string, name: string): { script: string | URL; options: WorkerOptions } | undefined {
  if (from.endsWith('.ts')) {
    const file = fileURLToPath(new URL(`./${name}.ts`, from));
    let hook: string;
    try {
      hook = createRequire(from).resolve('tsx/cjs');
    } catch {
      return undefined;
    }
    if (!existsSync(file)) return undefined;
    return { script: `require(${JSON.stringify(hook)}); require(${JSON.stringify(file)});`, options: { eval: true, execArgv: [] } };
  }
  for (const relative of [`./${name}.js`, `../${name}.js`]) {
    const url = new URL(relative, from);
    if (existsSync(url)) return { script: url, options: {} };
  }
  return undefined;
}
