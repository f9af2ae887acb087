import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OperatorAlerts } from '../../src/alerts/operatorAlerts.js';
import type { LoadProblem } from '../../src/debunks/loadDebunks.js';
import { watchDebunks, type DebunkWatch } from '../../src/debunks/watchDebunks.js';
import { Engine } from '../../src/engine/engine.js';
import { createLogger } from '../../src/lib/logger.js';
import { DebunkLibrary } from '../../src/review/debunkLibrary.js';
import type { ReviewPort } from '../../src/review/reviewPort.js';
import { memoryStore } from '../../src/store/keyvStore.js';
import { DEFAULT_RULES } from '../engine/harness.js';

const entry = (id: string, claim: string) => `- id: ${id}
  claim: ${claim}
  verdict: false
  refutation: Not true.
  sources: [{ title: Check, url: "https://example.org/${id}" }]
  lang: en
  published: 2026-01-01
`;
const WATER = 'The east district water supply was poisoned last night by the council';
const SCHOOLS = 'The mayor secretly closed every school in the city until next spring';

let dir: string;
let watch: DebunkWatch | undefined;
afterEach(() => {
  watch?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A watcher over a temporary folder wired as `npm start` wires it: library → engine, problems → operators. */
function setup() {
  dir = mkdtempSync(path.join(tmpdir(), 'rg-watch-'));
  writeFileSync(path.join(dir, 'a.yaml'), entry('water', WATER));
  const engine = new Engine({ debunks: [], rules: DEFAULT_RULES, store: memoryStore() });
  const library = new DebunkLibrary(engine, memoryStore(), []);
  const told: string[] = [];
  const port = { tellPrivately: async (_id: string, text: string) => (told.push(text), { status: 'done' }) } as unknown as ReviewPort;
  const operators = new OperatorAlerts(['telegram:1'], new Map([['telegram', port]]), createLogger({ level: 'silent', secrets: [] }));
  const events: ('loaded' | LoadProblem[])[] = [];
  // fs.watch reports a change a moment after the write: tests wait for the watcher's next load.
  let arrived: () => void = () => undefined;
  const next = () => new Promise<void>((resolve) => (arrived = resolve));
  watch = watchDebunks(dir, {
    debounceMs: 200,
    onLoaded: async (debunks) => {
      await library.setFiles(debunks);
      events.push('loaded');
      arrived();
    },
    onBroken: async (problems, text) => {
      events.push(problems);
      await operators.alert('debunks', `debunk files not loaded, the last good database stays:\n${text}`);
      arrived();
    },
  });
  const matches = (text: string) => engine.explainText(text).matches.map((m) => m.debunkId);
  return {
    engine,
    events,
    told,
    matches,
    /** The watcher's next load (or problem). */
    next,
    /** Writes a file and waits until the watcher has loaded the folder after it. */
    write: async (name: string, text: string) => {
      const loaded = next();
      writeFileSync(path.join(dir, name), text);
      await loaded;
      },
  };
}

describe('watchDebunks', () => {
  it('GIVEN a new file THEN its entries match without a restart; GIVEN a broken file THEN the last good database stays and the operator is told; GIVEN it fixed THEN it loads', async () => {
    const w = setup();
    await w.write('b.yaml', entry('schools', SCHOOLS));
    expect(new Set(w.events)).toEqual(new Set(['loaded']));
    expect(w.matches(WATER)).toEqual(['water']);
    expect(w.matches(SCHOOLS)).toEqual(['schools']);

    await w.write('b.yaml', `${entry('schools', SCHOOLS)}  severity: extreme\n- id: [broken\n`);
    expect(w.events.at(-1)).not.toBe('loaded');
    expect(w.matches(SCHOOLS)).toEqual(['schools']);
    expect(w.matches(WATER)).toEqual(['water']);
    expect(w.told).toHaveLength(w.events.filter((e) => e !== 'loaded').length);
    expect(w.told[0]).toMatch(/^debunk files not loaded, the last good database stays:\n.*b\.yaml:\d+/);

    await w.write('b.yaml', entry('schools-2', SCHOOLS));
    expect(w.events.at(-1)).toBe('loaded');
    expect(w.matches(SCHOOLS)).toEqual(['schools-2']);
  });

  it('GIVEN the folder replaced by a new one of its name (a deploy\'s mv) THEN the new folder is loaded, and changes in it are loaded too', async () => {
    const w = setup();
    const old = `${dir}.old`;
    // Loads come as the watcher sees the folder go and come back: wait until they settle on the new one.
    const loaded = async (done: () => boolean) => {
      for (let i = 0; i < 20 && !done(); i++) await w.next();
      expect(done()).toBe(true);
    };
    const settled = loaded(() => w.matches(SCHOOLS).length === 1 && w.matches(WATER).length === 0);
    renameSync(dir, old);
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'c.yaml'), entry('schools', SCHOOLS));
    await settled;
    const again = loaded(() => w.matches(WATER).length === 1);
    writeFileSync(path.join(dir, 'd.yaml'), entry('water-2', WATER));
    await again;
    expect(w.matches(WATER)).toEqual(['water-2']);
    rmSync(old, { recursive: true, force: true });
  });

  it('GIVEN an entry changed to a refutation in a language the bot does not speak THEN the last good database stays and the operator is told where', async () => {
    const w = setup();
    await w.write('b.yaml', entry('schools', SCHOOLS));
    expect(w.matches(SCHOOLS)).toEqual(['schools']);

    await w.write('b.yaml', entry('schools', SCHOOLS).replace('  refutation: Not true.\n', '  refutation:\n    fr: Ce n\'est pas vrai.\n'));
    expect(w.events.at(-1)).toEqual([expect.objectContaining({ file: expect.stringMatching(/\/b\.yaml$/), line: 5, entryId: 'schools', field: 'refutation.fr' })]);
    expect(w.matches(SCHOOLS)).toEqual(['schools']);
    expect(w.matches(WATER)).toEqual(['water']);
    expect(w.told.at(-1)).toMatch(/b\.yaml:5 entry "schools": refutation\.fr: unknown language "fr" \(the bot speaks en, zh\)$/);
  });

  it('GIVEN a file entry whose expires date has passed THEN it is loaded but does not match', async () => {
    const w = setup();
    await w.write('b.yaml', `${entry('schools', SCHOOLS)}  expires: 2020-01-01\n`);
    expect(new Set(w.events)).toEqual(new Set(['loaded']));
    expect(w.matches(SCHOOLS)).toEqual([]);
    expect(w.matches(WATER)).toEqual(['water']);
  });
});
