/**
 * Two processes racing on one store (the two-process tests), driven in two phases so that they
 * interleave however a loaded machine schedules them. The child prints `ready` once set up and
 * waits for a line on stdin; does the first half of its work, prints `half` and waits for another
 * line; then does the rest. The test starts both, lets both go, and lets both go on only once both
 * are halfway: the second halves start after both first halves.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface PhasedChild<T> {
  ready: Promise<void>;
  go(): void;
  /** Resolves once the child did the first half of its work; `goOn` lets it do the rest. */
  half: Promise<void>;
  goOn(): void;
  /** `result()` once the child exited with 0. */
  done: Promise<T>;
}

/**
 * Starts `node --import tsx <script> <args…>` from the repository root. Every stdout line but
 * `ready` and `half` goes to `onLine`; a child that dies early fails `ready`/`half` waiters too.
 */
export function startPhasedChild<T>(script: string, args: readonly string[], onLine: (line: string) => void, result: () => T): PhasedChild<T> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let markHalf!: () => void;
  const half = new Promise<void>((resolve) => (markHalf = resolve));
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line === 'ready') markReady();
    else if (line === 'half') markHalf();
    else onLine(line);
  });
  const done = new Promise<T>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(result()) : reject(new Error(`${script} ${args.join(' ')} exited with ${code}: ${stderr}`))));
  });
  // A child that dies before `ready` or `half` must fail the test, not leave it waiting.
  const orDone = (p: Promise<void>) => Promise.race([p, done.then(() => undefined)]);
  return { ready: orDone(ready), go: () => child.stdin.write('go\n'), half: orDone(half), goOn: () => child.stdin.end('go on\n'), done };
}

/** Starts both children, lets both go, and lets them go on once both are halfway; their results. */
export async function runPhased<T>(children: readonly PhasedChild<T>[]): Promise<T[]> {
  await Promise.all(children.map((c) => c.ready));
  for (const c of children) c.go();
  await Promise.all(children.map((c) => c.half));
  for (const c of children) c.goOn();
  return Promise.all(children.map((c) => c.done));
}

/** In the child: waits for the test's next line on stdin (`go`, then `go on`). */
export async function nextLineFromTest(): Promise<void> {
  process.stdin.resume();
  await once(process.stdin, 'data');
  process.stdin.pause();
}
