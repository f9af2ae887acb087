import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { DEBUNKS, DEFAULT_RULES, harness } from './harness.js';

describe('configure: invalid overrides are refused whole', () => {
  it.each([
    { given: 'thresholds.act 2', change: { thresholds: { act: 2 } }, problems: ['thresholds.act: must be between 0 and 1'] },
    { given: 'thresholds.suggest above act', change: { thresholds: { suggest: 0.9 } }, problems: ['thresholds.suggest: must not be above thresholds.act'] },
    { given: 'an unknown mode', change: { mode: 'loud' }, problems: ['mode: must be one of observe, enforce (got "loud")'] },
    {
      given: 'a ladder step "mute forever"',
      change: { ladder: { high: [['mute forever']] } },
      problems: ['ladder.high[0][0]: "mute" needs a duration such as "mute 1h" or "mute 30m" (got "mute forever")'],
    },
    {
      given: 'two mistakes',
      change: { thresholds: { act: 2 }, repeat: { later: 'loud' } },
      problems: ['thresholds.act: must be between 0 and 1', 'repeat.later: must be one of pointer, silent (got "loud")'],
    },
    {
      given: 'an unknown nested field',
      change: { thresholds: { actt: 0.7 } },
      problems: ['thresholds: unknown field "actt" (did you mean "act"?)'],
    },
  ])('GIVEN $given THEN ok:false with $problems AND the settings stay as they were', async ({ change, problems }) => {
    const h = harness();
    expect((await h.engine.configure('g-1', { mode: 'observe' })).ok).toBe(true);
    const before = await h.engine.settingsFor('g-1');
    expect(await h.engine.configure('g-1', change)).toEqual({ ok: false, problems });
    expect(await h.engine.settingsFor('g-1')).toEqual(before);
    // Nothing of the refused change was stored either: a fresh engine on the same store agrees.
    const fresh = new Engine({ debunks: DEBUNKS, rules: DEFAULT_RULES, store: h.store, now: h.now });
    expect(await fresh.settingsFor('g-1')).toEqual(before);
  });

  // Regression test (found while writing the tests, fixed).
  it('GIVEN an unknown top-level field THEN the problem reads like the others, without a leading ": "', async () => {
    const h = harness();
    const result = await h.engine.configure('g-1', { colour: 'red' });
    expect(result).toEqual({ ok: false, problems: ['unknown field "colour"'] });
  });

  it('GIVEN a refused change THEN a later valid change does not carry any of it', async () => {
    const h = harness();
    await h.engine.configure('g-1', { thresholds: { act: 2 } });
    const result = await h.engine.configure('g-1', { thresholds: { suggest: 0.4 } });
    expect(result.ok && result.settings.thresholds).toEqual({ suggest: 0.4, answer: 0.4, act: 0.8 });
  });
});

describe('configure: valid overrides merge', () => {
  it('GIVEN two overrides THEN both hold, over the defaults', async () => {
    const h = harness();
    await h.engine.configure('g-1', { thresholds: { act: 0.7 } });
    const result = await h.engine.configure('g-1', { mode: 'observe', thresholds: { suggest: 0.4 } });
    expect(result.ok).toBe(true);
    const s = await h.engine.settingsFor('g-1');
    expect(s.mode).toBe('observe');
    expect(s.thresholds).toEqual({ suggest: 0.4, answer: 0.4, act: 0.7 });
    expect(s.repeat).toEqual({ windowMinutes: 10, later: 'pointer' });
    expect(result.ok && result.settings).toEqual(s);
  });

  it.each([
    { given: 'enabledActions', first: { enabledActions: ['warn', 'log'] }, second: { enabledActions: ['mute'] }, path: 'enabledActions', value: ['mute'] },
    { given: 'exemptions.members', first: { exemptions: { members: ['a', 'b'] } }, second: { exemptions: { members: ['c'] } }, path: 'exemptions', value: { admins: true, members: ['c'], roles: [], channels: [], showRefutation: true } },
  ])('GIVEN a list set twice ($given) THEN the second replaces the first', async ({ first, second, path, value }) => {
    const h = harness();
    await h.engine.configure('g-1', first);
    await h.engine.configure('g-1', second);
    const s = (await h.engine.settingsFor('g-1')) as unknown as Record<string, unknown>;
    expect(s[path]).toEqual(value);
  });

  it('GIVEN a per-severity ladder THEN the default ladder is kept beside it', async () => {
    const h = harness();
    const result = await h.engine.configure('g-1', { ladder: { high: [['delete', 'mute 90m']] } });
    expect(result.ok && result.settings.ladder.high).toEqual([[{ type: 'delete' }, { type: 'mute', durationMs: 90 * 60_000 }]]);
    expect(result.ok && result.settings.ladder.default).toEqual(DEFAULT_RULES.settings.ladder.default);
  });

  it('GIVEN one group configured THEN another group keeps the defaults', async () => {
    const h = harness();
    await h.engine.configure('g-1', { mode: 'observe' });
    expect(await h.engine.settingsFor('g-2')).toEqual(DEFAULT_RULES.settings);
  });

  it('GIVEN an override stored by one engine THEN another engine on the same store reads it', async () => {
    const h = harness();
    await h.engine.configure('g-1', { language: 'zh', thresholds: { act: 0.75 } });
    const fresh = new Engine({ debunks: DEBUNKS, rules: DEFAULT_RULES, store: h.store, now: h.now });
    const s = await fresh.settingsFor('g-1');
    expect(s.language).toBe('zh');
    expect(s.thresholds.act).toBe(0.75);
  });
});
