/**
 * How long a reload of the debunk folder holds up the bot's event loop (issue 13: one group's
 * flood never stalls another group). Loads a folder with loadDebunks, as the folder watcher, the
 * dashboard's editor and `db import` do, while a timer ticks every millisecond, and reports the
 * longest gap between ticks: no group's message can be handled during it.
 *   tsx test/probes/reloadStall.ts write <dir> <debunks> <per file>   the folder, in YAML files
 *   node --expose-gc --import tsx test/probes/reloadStall.ts load <dir> [runs]   one line of JSON a run:
 *     { run, ms, debunks, files, longestStallMs, maxDelayMs, stallsOver100ms, peakRssMb }
 * longestStallMs is the longest gap between two ticks (the timer's own 1 ms included);
 * maxDelayMs is the largest delay perf_hooks' monitorEventLoopDelay saw (the same stall, measured by Node).
 * Not a vitest test: it takes seconds, and a timed test would be flaky on a shared machine.
 *
 * Measured on the 2-core development machine, shared (an idle process saw gaps up to 74 ms):
 *   10,000 entries in one file: longest stall 2.5-3.2 s (parse in the main thread) -> 9-12 ms
 *     (worker thread), load 2.5-3.2 s -> 2.2-2.3 s;
 *   100,000 in 10 files: 5.8-9.3 s -> 112-220 ms (the main thread's own garbage collection, as
 *     it takes in the entries), load 33-42 s -> 29-49 s;
 *   1,000,000 in 100 files: 21 s -> 0.86 s; peak RSS 3.2 GB -> 2.2 GB.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadDebunks } from '../../src/debunks/loadDebunks.js';
import { debunksYaml } from './largeDebunkFiles.js';

function write(dir: string, debunks: number, perFile: number): void {
  mkdirSync(dir, { recursive: true });
  for (let from = 0, n = 1; from < debunks; from += perFile, n++) {
    writeFileSync(path.join(dir, `imported-${String(n).padStart(4, '0')}.yaml`), debunksYaml(from, Math.min(debunks, from + perFile)));
  }
}

/** Records the longest gap between ticks of a 1 ms timer, and how many gaps passed 100 ms. */
function tickRecorder(): { stop(): { longestMs: number; over100: number } } {
  let last = performance.now();
  let longest = 0;
  let over100 = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const gap = now - last;
    if (gap > longest) longest = gap;
    if (gap > 100) over100++;
    last = now;
  }, 1);
  return {
    stop() {
      clearInterval(timer);
      const gap = performance.now() - last;
      return { longestMs: Math.max(longest, gap), over100: over100 + (gap > 100 ? 1 : 0) };
    },
  };
}

async function load(dir: string, runs: number): Promise<void> {
  for (let run = 1; run <= runs; run++) {
    (globalThis as { gc?: () => void }).gc?.();
    const histogram = monitorEventLoopDelay({ resolution: 5 });
    histogram.enable();
    // A turn of the loop first, so the recorder's first tick is not the load's start-up.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const ticks = tickRecorder();
    const started = performance.now();
    const result = await loadDebunks(dir);
    const ms = performance.now() - started;
    const stall = ticks.stop();
    histogram.disable();
    if (!result.ok) throw new Error(`did not load: ${result.problems.slice(0, 3).map((p) => p.message).join('; ')}`);
    console.log(
      JSON.stringify({
        run,
        ms: Math.round(ms),
        debunks: result.debunks.length,
        files: result.files.length,
        longestStallMs: Math.round(stall.longestMs),
        maxDelayMs: Math.round(histogram.max / 1e6),
        stallsOver100ms: stall.over100,
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      }),
    );
  }
}

const [mode, dir, a, b] = process.argv.slice(2);
if (mode === 'write' && dir && a && b) write(dir, Number(a), Number(b));
else if (mode === 'load' && dir) await load(dir, Number(a ?? 1));
else {
  console.error('usage: reloadStall.ts write <dir> <debunks> <per file> | load <dir> [runs]');
  process.exitCode = 2;
}
