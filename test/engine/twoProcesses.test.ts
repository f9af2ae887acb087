import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { stateKeys } from '../../src/engine/stateKeys.js';
import { FeedbackQueue } from '../../src/feedback/feedbackQueue.js';
import { openStore } from '../../src/store/openStore.js';
import { storeKey } from '../../src/store/storeKey.js';
import { BACKENDS, removeTempFiles, runNamespace } from '../store/backends.js';
import { FIVE_G_ID, harness } from './harness.js';
import { runPhased, startPhasedChild, type PhasedChild } from '../phasedChild.js';

const SCRIPT = fileURLToPath(new URL('./serveGroup.ts', import.meta.url));
/** Per process: rumors from one member, `/rg exempt` commands, reports on one message. */
const RUMORS = 100;
const SETTINGS = 20;
const REPORTS = 60;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

interface Lines {
  /** `strike <i> <after>`: the strike count each decision saw, by rumor. */
  strikes: number[];
  settings: number;
  reports: number;
}

/** One bot process serving group g-1 (serveGroup.ts), its lines counted as they come. */
function startServer(url: string, namespace: string, name: string): PhasedChild<Lines> {
  const lines: Lines = { strikes: [], settings: 0, reports: 0 };
  const onLine = (line: string) => {
    const [kind, , value] = line.split(' ');
    if (kind === 'strike') lines.strikes.push(Number(value));
    else if (kind === 'setting') lines.settings += 1;
    else if (kind === 'report') lines.reports += 1;
  };
  return startPhasedChild(SCRIPT, [url, namespace, name, String(RUMORS), String(SETTINGS), String(REPORTS)], onLine, () => lines);
}

afterAll(removeTempFiles);

for (const backendCase of BACKENDS.filter((b) => b.sharedBetweenOpens)) {
  const title = `two bot processes serving one group on ${backendCase.backend}${backendCase.skip ? ` (skipped: ${backendCase.skip})` : ''}`;
  describe.skipIf(backendCase.skip !== undefined)(title, () => {
    it(`GIVEN each process adding ${RUMORS} strikes, ${SETTINGS + 1} settings changes and ${REPORTS} reports at once THEN nothing is lost`, async () => {
      const namespace = runNamespace();
      const url = backendCase.url();
      // Each makes its second half of strikes only once both made their first: they interleave.
      const [a, b] = await runPhased(['a', 'b'].map((name) => startServer(url, namespace, name)));

      const opened = await openStore(url, { namespace });
      try {
        const h = harness({ store: opened.store });
        // Every acknowledged change was answered OK...
        expect([a!.strikes.length, b!.strikes.length, a!.settings, b!.settings, a!.reports, b!.reports]).toEqual([
          RUMORS, RUMORS, SETTINGS + 1, SETTINGS + 1, REPORTS, REPORTS,
        ]);
        // ...and is stored: every strike, each decision having seen its own count.
        const strikes = await h.engine.strikesOf('g-1', 'm-1');
        expect(strikes).toHaveLength(2 * RUMORS);
        expect(new Set(strikes.map((s) => s.messageId)).size).toBe(2 * RUMORS);
        expect([...a!.strikes, ...b!.strikes].sort((x, y) => x - y)).toEqual(range(2 * RUMORS).map((i) => i + 1));
        // The processes really raced: each saw counts the other had raised (in the second halves
        // at least, which both start after both first halves).
        expect(Math.min(...a!.strikes)).toBeLessThan(Math.max(...b!.strikes));
        expect(Math.min(...b!.strikes)).toBeLessThan(Math.max(...a!.strikes));
        const settings = await h.engine.settingsFor('g-1');
        expect([...settings.exemptions.members].sort()).toEqual(['a', 'b'].flatMap((n) => range(SETTINGS).map((i) => `${n}-x${i}`)).sort());
        expect(settings.enabledActions).toEqual(expect.arrayContaining(['warn', 'mute']));
        const reports = await new FeedbackQueue(opened.store).open('g-1');
        expect(new Set(reports.map((r) => r.by.id)).size).toBe(2 * REPORTS);
      } finally {
        const keys = [
          stateKeys.settings('g-1'),
          stateKeys.strikes('enforce', 'g-1', 'm-1'),
          stateKeys.reply('enforce', 'g-1', FIVE_G_ID, 'en'),
          storeKey('feedback', 'g-1'),
          ...['a', 'b'].flatMap((n) => range(RUMORS).map((i) => stateKeys.struck('enforce', 'g-1', `${n}-${i}`))),
        ];
        for (const key of keys) await opened.store.delete(key);
        await opened.close();
      }
    }, 120_000);
  });
}
