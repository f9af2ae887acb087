import { describe, expect, it } from 'vitest';
import { debunkVersion } from '../../src/debunks/debunkVersion.js';
import { DebunkSchema, type Debunk } from '../../src/debunks/schema.js';
import { Engine } from '../../src/engine/engine.js';
import { DebunkLibrary } from '../../src/review/debunkLibrary.js';
import { memoryStore } from '../../src/store/keyvStore.js';
import { DEFAULT_RULES } from '../engine/harness.js';

const WATER = 'The east district water supply was poisoned last night by the council';
const debunk = (id: string, claim: string, extra: Partial<Debunk> = {}): Debunk =>
  DebunkSchema.parse({ id, claim, verdict: 'false', refutation: 'Not true.', sources: [{ title: 'x', url: 'https://example.org/x' }], lang: 'en', published: '2026-01-01', ...extra });
const BY = { platform: 'test', id: 'o', name: 'Olivia' };

describe('DebunkLibrary', () => {
  it('GIVEN two bot processes on one store WHEN one learns a debunk THEN the other matches it after its next poll, with no restart', async () => {
    const store = memoryStore();
    const engines = [0, 1].map(() => new Engine({ debunks: [], rules: DEFAULT_RULES, store }));
    const libraries = engines.map((e) => new DebunkLibrary(e, store, []));
    for (const l of libraries) await l.start(0);
    expect((await libraries[0]!.learn({ debunk: debunk('water', WATER), scope: 'all', by: BY, at: 1 })).ok).toBe(true);
    expect(engines[0]!.explainText(WATER).matches.map((m) => m.debunkId)).toEqual(['water']);
    expect(engines[1]!.explainText(WATER).matches).toEqual([]);
    await libraries[1]!.refresh();
    expect(engines[1]!.explainText(WATER).matches.map((m) => m.debunkId)).toEqual(['water']);
    // The same id again is refused, from either process.
    expect(await libraries[1]!.learn({ debunk: debunk('water', 'another claim about water'), scope: 'all', by: BY, at: 2 })).toEqual({ ok: false, reason: 'duplicate' });
  });

  it('GIVEN an edit of a learned debunk THEN it replaces it in the store for every process, keeping its group and who accepted it; a stale version, a gone id or a taken id is refused and changes nothing', async () => {
    const store = memoryStore();
    const engines = [0, 1].map(() => new Engine({ debunks: [], rules: DEFAULT_RULES, store }));
    const libraries = engines.map((e) => new DebunkLibrary(e, store, [debunk('schools', 'The mayor secretly closed every school in the city until spring')]));
    for (const l of libraries) await l.start(0);
    const learned = debunk('water', WATER);
    await libraries[0]!.learn({ debunk: learned, scope: 'g-a', by: BY, at: 1 });
    const opened = debunkVersion(learned);
    const edited = debunk('water', `${WATER}, officials say`);
    expect(await libraries[0]!.revise('water', edited, opened)).toEqual({ ok: true });
    expect(libraries[0]!.learnedEntry('water')).toMatchObject({ debunk: { claim: `${WATER}, officials say` }, scope: 'g-a', by: BY, at: 1 });
    expect(engines[0]!.scopeOf('water')).toBe('g-a');
    await libraries[1]!.refresh();
    expect(engines[1]!.debunk('water')?.claim).toBe(`${WATER}, officials say`);

    // The second process's admin opened the entry before the first saved.
    expect(await libraries[1]!.revise('water', debunk('water', 'stale'), opened)).toEqual({ ok: false, reason: 'changed_meanwhile', current: edited });
    expect(await libraries[1]!.revise('gone', debunk('gone', 'x'))).toEqual({ ok: false, reason: 'gone' });
    expect(await libraries[1]!.revise('water', debunk('schools', 'x'))).toEqual({ ok: false, reason: 'duplicate' });
    expect(engines[1]!.debunk('water')?.claim).toBe(`${WATER}, officials say`);
  });

  it('GIVEN a debunk retired for every group THEN no process matches it; GIVEN a file entry of the same id as a learned one THEN the file wins', async () => {
    const store = memoryStore();
    const engine = new Engine({ debunks: [], rules: DEFAULT_RULES, store });
    const library = new DebunkLibrary(engine, store, [debunk('water', WATER)]);
    await library.start(0);
    expect(await library.learn({ debunk: debunk('water', 'other'), scope: 'all', by: BY, at: 1 })).toEqual({ ok: false, reason: 'duplicate' });
    expect(await library.retire('water')).toBe(true);
    expect(engine.explainText(WATER).matches).toEqual([]);
    const other = new Engine({ debunks: [], rules: DEFAULT_RULES, store });
    await new DebunkLibrary(other, store, [debunk('water', WATER)]).start(0);
    expect(other.explainText(WATER).matches).toEqual([]);
  });

  it('GIVEN an entry that expires tomorrow THEN it matches today and stops once the day passes (the next poll), without a restart', async () => {
    let t = Date.UTC(2026, 2, 1, 12);
    const store = memoryStore();
    const engine = new Engine({ debunks: [], rules: DEFAULT_RULES, store, now: () => t });
    const library = new DebunkLibrary(engine, store, [debunk('water', WATER, { expires: '2026-03-01' })], () => t);
    await library.start(0);
    expect(engine.explainText(WATER).matches.map((m) => m.debunkId)).toEqual(['water']);
    t += 24 * 3_600_000;
    await library.refresh();
    expect(engine.explainText(WATER).matches).toEqual([]);
  });

  it('GIVEN feeds THEN their entries match, a file entry of the same id wins, and a feed replaced drops what it no longer gives', async () => {
    const store = memoryStore();
    const engine = new Engine({ debunks: [], rules: DEFAULT_RULES, store });
    const library = new DebunkLibrary(engine, store, [debunk('water', WATER)]);
    await library.start(0);
    await library.setFeed('f', [debunk('water', 'a feed claim about the mayor and the schools closing'), debunk('schools', 'The mayor secretly closed every school in the city until spring')]);
    expect(engine.debunk('water')?.claim).toBe(WATER);
    expect(engine.explainText('The mayor secretly closed every school in the city until spring').matches[0]?.debunkId).toBe('schools');
    await library.setFeed('f', []);
    expect(engine.debunk('schools')).toBeUndefined();
  });
});
