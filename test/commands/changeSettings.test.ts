import { describe, expect, it } from 'vitest';
import { changeSettings, describeChange } from '../../src/commands/changeSettings.js';
import { Engine } from '../../src/engine/engine.js';
import { Moderator } from '../../src/moderation/moderator.js';
import type { LedgerRecord } from '../../src/ledger/ledgerRecord.js';
import { memoryStore } from '../../src/store/keyvStore.js';
import { DEBUNKS, DEFAULT_RULES } from '../engine/harness.js';

const ADMIN = { id: '1', name: 'Ada', isAdmin: true };

function world() {
  const engine = new Engine({ debunks: DEBUNKS, rules: DEFAULT_RULES, store: memoryStore() });
  const records: LedgerRecord[] = [];
  const moderator = new Moderator(engine, { record: async (r) => (records.push(r), { waiting: 0 }) as never });
  return { engine, moderator, records };
}

describe('changeSettings (the dashboard\'s rules form)', () => {
  it('GIVEN several fields at once THEN one validated change, ledgered under the admin with what changed', async () => {
    const { engine, moderator, records } = world();
    const r = await moderator.onSettingsChange('console', 'g', ADMIN, { mode: 'observe', thresholds: { act: 0.7 } });
    expect(r).toMatchObject({ ok: true, change: { action: 'rules', summary: 'mode enforce → observe; thresholds.act 0.8 → 0.7' } });
    expect(await engine.settingsFor('g')).toMatchObject({ mode: 'observe', thresholds: { act: 0.7 } });
    expect(records).toEqual([{ type: 'admin', platform: 'console', groupId: 'g', by: { kind: 'admin', id: '1', name: 'Ada' }, action: 'rules', detail: 'mode enforce → observe; thresholds.act 0.8 → 0.7' }]);
  });

  it('GIVEN an invalid change THEN nothing is stored and nothing ledgered', async () => {
    const { engine, moderator, records } = world();
    const r = await moderator.onSettingsChange('console', 'g', ADMIN, { mode: 'observe', thresholds: { suggest: 0.9, act: 0.5 } });
    expect(r).toMatchObject({ ok: false, error: 'invalid_settings' });
    expect(r.reply).toContain('thresholds.suggest: must not be above thresholds.act');
    expect(await engine.settingsFor('g')).toEqual(DEFAULT_RULES.settings);
    expect(records).toEqual([]);
  });

  it('GIVEN a member who is not an admin THEN it is refused', async () => {
    const { engine } = world();
    expect(await changeSettings(engine, 'g', { id: '2', name: 'Bo' }, { mode: 'observe' })).toMatchObject({ ok: false, error: 'not_admin' });
  });

  it('GIVEN the settings unchanged THEN nothing is ledgered', async () => {
    const { moderator, records } = world();
    expect(await moderator.onSettingsChange('console', 'g', ADMIN, { mode: 'enforce' })).toMatchObject({ ok: true });
    expect(records).toEqual([]);
  });

  it('GIVEN the settings unchanged in a Chinese dashboard THEN the answer says so in Chinese', async () => {
    // Regression (QA): "好的：no change".
    const { moderator } = world();
    expect(await moderator.onSettingsChange('console', 'g', ADMIN, { mode: 'enforce' }, 'zh')).toEqual({ ok: true, reply: '好的：没有更改' });
    expect(await moderator.onSettingsChange('console', 'g', ADMIN, { mode: 'enforce' })).toEqual({ ok: true, reply: 'OK: no change' });
  });

  it('GIVEN the same enabled actions in another order (the form lists them in its own; /rg enable adds at the end) THEN nothing changed and nothing is ledgered', async () => {
    const { engine, moderator, records } = world();
    await engine.configure('g', { enabledActions: ['reply_refutation', 'log', 'warn'] });
    const r = await moderator.onSettingsChange('console', 'g', ADMIN, { enabledActions: ['reply_refutation', 'warn', 'log'] });
    expect(r).toMatchObject({ ok: true, reply: expect.stringContaining('no change') });
    expect(records).toEqual([]);
    // A real change is still told, the lists written in one order.
    const more = await moderator.onSettingsChange('console', 'g', ADMIN, { enabledActions: ['mute', 'reply_refutation', 'warn', 'log'] });
    expect(more).toMatchObject({ ok: true, change: { summary: 'enabledActions log, reply_refutation, warn → log, mute, reply_refutation, warn' } });
  });

  it('GIVEN ladders with mutes THEN the change is described as the rules file writes them', () => {
    const after = { ...DEFAULT_RULES.settings, ladder: { default: [[{ type: 'mute' as const, durationMs: 30 * 60_000 }]] } };
    expect(describeChange(DEFAULT_RULES.settings, after)).toBe(
      'ladder.default [reply_refutation] [reply_refutation + warn] [reply_refutation + alert_owners + mute 1h] [reply_refutation + alert_owners + mute 1d] → [mute 30m]',
    );
  });
});
