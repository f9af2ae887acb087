import { describe, expect, it } from 'vitest';
import { baseOf, formToOverride, mergeIntoCurrent, problemsByField, readBase, readRulesForm, settingsToForm } from '../../src/dashboard/data/rulesForm.js';
import { Engine } from '../../src/engine/engine.js';
import { memoryStore } from '../../src/store/keyvStore.js';
import { DEBUNKS, DEFAULT_RULES } from '../engine/harness.js';

const engine = () => new Engine({ debunks: DEBUNKS, rules: DEFAULT_RULES, store: memoryStore() });

describe('the rules form', () => {
  it('GIVEN the default settings shown as the form and sent back unchanged THEN they validate to the same settings', async () => {
    const e = engine();
    const form = settingsToForm(DEFAULT_RULES.settings);
    // A browser sends checkboxes as "on" and a single checked action as a string.
    const body = { ...form, enabledActions: form.enabledActions!.length === 1 ? form.enabledActions![0] : form.enabledActions };
    const { override, problems } = formToOverride(readRulesForm(body));
    expect(problems.size).toBe(0);
    const checked = await e.checkSettings('g', override);
    expect(checked).toMatchObject({ ok: true, settings: DEFAULT_RULES.settings });
  });

  // QA: the answer threshold could be set in chat only.
  it('GIVEN an answer threshold THEN it is set; left empty THEN it is unset (the rules file\'s, else act); not a number THEN the field says so', () => {
    const form = settingsToForm(DEFAULT_RULES.settings);
    expect(formToOverride({ ...form, 'thresholds.answer': '0.55' }).override).toMatchObject({ thresholds: { answer: 0.55 } });
    expect((formToOverride({ ...form, 'thresholds.answer': ' ' }).override.thresholds as { answer?: number }).answer).toBeUndefined();
    expect([...formToOverride({ ...form, 'thresholds.answer': 'half' }).problems]).toEqual([['thresholds.answer', 'must be a number (got "half")']]);
  });

  it('GIVEN thresholds that are not numbers THEN the form says so for each field', () => {
    const form = { ...settingsToForm(DEFAULT_RULES.settings), 'thresholds.act': 'high', 'thresholds.suggest': '' };
    expect([...formToOverride(form).problems]).toEqual([
      ['thresholds.suggest', 'must be a number (got "")'],
      ['thresholds.act', 'must be a number (got "high")'],
    ]);
  });

  it('GIVEN the engine\'s problems THEN each lands on its field, list items by line', () => {
    const byField = problemsByField([
      'thresholds.suggest: must not be above thresholds.act',
      'ladder.default[1][0]: must be one of reply_refutation, warn, delete, alert_owners or "mute <duration>" (got "shout")',
      'strikes.decayDays: must be more than 0',
      'something without a field',
    ]);
    expect(Object.fromEntries(byField)).toEqual({
      'thresholds.suggest': ['must not be above thresholds.act'],
      'ladder.default': ['line 2: must be one of reply_refutation, warn, delete, alert_owners or "mute <duration>" (got "shout")'],
      'strikes.decayDays': ['must be more than 0'],
      '': ['something without a field'],
    });
  });

  it('GIVEN a ladder step the schema refuses THEN checking names the line, and the group keeps its settings', async () => {
    const e = engine();
    const form = { ...settingsToForm(DEFAULT_RULES.settings), 'ladder.default': 'reply_refutation\nreply_refutation, shout' };
    const checked = await e.checkSettings('g', formToOverride(form).override);
    expect(checked.ok).toBe(false);
    expect(Object.fromEntries(problemsByField(checked.ok ? [] : checked.problems))).toEqual({
      'ladder.default': [expect.stringMatching(/^line 2: must be one of .*\(got "shout"\)$/)],
    });
    expect(await e.settingsFor('g')).toEqual(DEFAULT_RULES.settings);
  });

  it('GIVEN a severity ladder emptied in the form THEN the group goes back to the default ladder for it', async () => {
    const e = engine();
    await e.configure('g', { ladder: { high: [['reply_refutation', 'delete']] } });
    const form = { ...settingsToForm(await e.settingsFor('g')), 'ladder.high': '' };
    const r = await e.configure('g', formToOverride(form).override);
    expect(r.ok && r.settings.ladder.high).toBeUndefined();
  });
});

describe('the rules form: saving only what the admin changed', () => {
  const base = settingsToForm(DEFAULT_RULES.settings);
  it('GIVEN fields left as the page showed them THEN they keep the values the group has now', () => {
    const current = { ...base, mode: 'observe', 'thresholds.act': '0.85' };
    const submitted = { ...base, softReply: base.softReply === undefined ? 'on' : undefined };
    const { form, changed } = mergeIntoCurrent(submitted, base, current);
    expect(changed).toEqual(['softReply']);
    expect(form.mode).toBe('observe');
    expect(form['thresholds.act']).toBe('0.85');
    expect(form.softReply).toBe(submitted.softReply);
  });

  it('GIVEN lists sent back with CRLF line breaks, as browsers send a textarea THEN they are not changes', () => {
    const withLists = { ...base, 'exemptions.members': 'alice\nbob', owners: 'owner\nsecond' };
    const sent = readRulesForm({ ...withLists, 'exemptions.members': 'alice\r\nbob', owners: 'owner\r\nsecond', mode: 'observe' });
    const { form, changed } = mergeIntoCurrent(sent, withLists, { ...withLists, 'exemptions.members': 'alice' });
    expect(changed).toEqual(['mode']);
    expect(form['exemptions.members']).toBe('alice');
  });

  it('GIVEN an unchecked box and an emptied list THEN they are changes too', () => {
    const withBoxes = { ...base, 'exemptions.admins': 'on', 'exemptions.members': 'alice' };
    const { form } = mergeIntoCurrent({ ...withBoxes, 'exemptions.admins': undefined, 'exemptions.members': '' }, withBoxes, { ...withBoxes, owners: 'owner' });
    expect(form['exemptions.admins']).toBeUndefined();
    expect(form['exemptions.members']).toBe('');
    expect(form.owners).toBe('owner');
  });

  it('GIVEN no base (or one that is not JSON) THEN the form is taken whole', () => {
    expect(readBase({ base: '{not json' })).toBeUndefined();
    const submitted = { ...base, mode: 'observe' };
    expect(mergeIntoCurrent(submitted, undefined, base).form).toEqual(submitted);
    expect(readBase({ base: baseOf(base) })).toEqual(readRulesForm(base as Record<string, unknown>));
  });
});
