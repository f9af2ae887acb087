import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { debunkToForm, formToEntry, readDebunkForm } from '../../src/dashboard/data/debunkEditor.js';
import { debunkVersion } from '../../src/debunks/debunkVersion.js';
import { loadDebunks } from '../../src/debunks/loadDebunks.js';
import { DEBUNKS, FIVE_G_ID } from '../engine/harness.js';
import { NEW_DEBUNK as NEW, useEditorFolder } from './editorFolder.js';

const db = useEditorFolder('rg-editor-');

describe('DebunkEditor', () => {
  // QA: browsers send a textarea's line breaks as CRLF; read raw, a field nobody changed showed as
  // "Stored now" beside a conflict, and entries were written with CRs in them.
  it('GIVEN a form sent with CRLF line breaks THEN its fields read as the stored entry writes them', () => {
    const form = debunkToForm(DEBUNKS[0]!);
    const sent = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, v.replace(/\n/g, '\r\n')]));
    expect(readDebunkForm(sent)).toEqual(form);
  });

  it('GIVEN a new entry THEN it goes into dashboard.yaml and the whole folder loads with it', async () => {
    const editor = db.folder();
    const saved = await editor.save(NEW);
    expect(saved).toMatchObject({ ok: true, file: 'db/dashboard.yaml' });
    expect(saved.ok && saved.debunks.find((d) => d.id === NEW.id)?.claim).toBe(NEW.claim);
    expect(readFileSync(db.path('db/dashboard.yaml'), 'utf8')).toMatch(/^# Entries added in the RumorGuard dashboard/);
  });

  it('GIVEN an edit of a shipped entry THEN it is changed where it is written, and every comment and other entry stays', async () => {
    const editor = db.folder();
    const before = readFileSync(db.path('db/examples.yaml'), 'utf8');
    const fiveG = DEBUNKS.find((d) => d.id === FIVE_G_ID)!;
    const form = { ...debunkToForm(fiveG), claim: '5G masts spread the coronavirus' };
    const saved = await editor.save(formToEntry(form, fiveG), FIVE_G_ID);
    expect(saved).toMatchObject({ ok: true, file: 'db/examples.yaml' });
    const after = readFileSync(db.path('db/examples.yaml'), 'utf8');
    expect(after).toContain('claim: 5G masts spread the coronavirus');
    // The file's own header comment and the other entries are untouched.
    expect(after.split('\n').slice(0, 17)).toEqual(before.split('\n').slice(0, 17));
    expect(saved.ok && saved.debunks.length).toBe(DEBUNKS.length);
  });

  it('GIVEN an edit of one entry THEN only that entry\'s lines change: the other entries\' bracketed lists and blank lines stay as written', async () => {
    const editor = db.folder();
    const before = readFileSync(db.path('db/examples.yaml'), 'utf8');
    const fiveG = DEBUNKS.find((d) => d.id === FIVE_G_ID)!;
    const form = { ...debunkToForm(fiveG), claim: '5G masts spread the coronavirus' };
    await editor.save(formToEntry(form, fiveG), FIVE_G_ID);
    const after = readFileSync(db.path('db/examples.yaml'), 'utf8');
    // Outside the edited entry (from its id to the next entry's), every line is as it was.
    const outside = (text: string) => {
      const lines = text.split('\n');
      const start = lines.findIndex((l) => l.includes(`id: ${FIVE_G_ID}`));
      const end = lines.findIndex((l, i) => i > start && /^\s*- id: /.test(l));
      return [...lines.slice(0, start), ...lines.slice(end)];
    };
    expect(outside(after)).toEqual(outside(before));
    expect(before).toMatch(/tags: \[[^ ]/);
  });

  it('GIVEN an entry the loader would refuse THEN nothing is written and the problems name file, line and field', async () => {
    const editor = db.folder();
    const saved = await editor.save({ ...NEW, sources: [{ title: 'NASA', url: 'nasa' }], verdict: 'fake' });
    expect(saved.ok).toBe(false);
    expect(!saved.ok && saved.problems).toEqual([
      expect.stringMatching(/^db\/dashboard\.yaml:\d+ entry "moon-landing-staged": verdict: must be one of .*\(got "fake"\)$/),
      expect.stringMatching(/^db\/dashboard\.yaml:\d+ entry "moon-landing-staged": sources\[0\]\.url: must be an http:\/\/ or https:\/\/ address$/),
    ]);
    expect(!saved.ok && Object.fromEntries(saved.byField)).toMatchObject({ verdict: [expect.any(String)], sources: ['sources[0].url: must be an http:// or https:// address'] });
    expect(() => readFileSync(db.path('db/dashboard.yaml'))).toThrow();
  });

  it('GIVEN a new entry with an id that exists THEN it is refused as a duplicate', async () => {
    const editor = db.folder();
    const saved = await editor.save({ ...NEW, id: FIVE_G_ID });
    expect(!saved.ok && saved.problems.join('\n')).toMatch(/duplicate/);
  });

  it('GIVEN the version the form was opened on THEN it saves; GIVEN that version after another save THEN it is refused as changed meanwhile, with the entry as stored now, and nothing is written', async () => {
    const editor = db.folder();
    const fiveG = DEBUNKS.find((d) => d.id === FIVE_G_ID)!;
    const opened = debunkVersion(fiveG);
    const first = await editor.save(formToEntry({ ...debunkToForm(fiveG), tags: 'first' }, fiveG), FIVE_G_ID, opened);
    expect(first.ok).toBe(true);
    const afterFirst = readFileSync(db.path('db/examples.yaml'), 'utf8');
    const second = await editor.save(formToEntry({ ...debunkToForm(fiveG), tags: 'second' }, fiveG), FIVE_G_ID, opened);
    expect(second).toMatchObject({ ok: false, reason: 'changed_meanwhile', current: { id: FIVE_G_ID, tags: ['first'] } });
    expect(readFileSync(db.path('db/examples.yaml'), 'utf8')).toBe(afterFirst);
    // Without a version (a caller that asks for none), the save goes ahead as before.
    expect((await editor.save(formToEntry({ ...debunkToForm(fiveG), tags: 'third' }, fiveG), FIVE_G_ID)).ok).toBe(true);
  });

  it('GIVEN an entry written with an unquoted `verdict: false` THEN its version in the file is the version of the entry as loaded (no false conflict)', async () => {
    const editor = db.folder();
    writeFileSync(db.path('db/extra.yaml'), ['- id: bare-false', '  claim: Bare false verdict', '  verdict: false', '  refutation: No.', '  sources: [{ title: T, url: "https://e.org/" }]', '  lang: en', '  published: 2026-01-01', ''].join('\n'));
    const loaded = await loadDebunks('db', { cwd: db.path('.') });
    const entry = loaded.ok ? loaded.debunks.find((d) => d.id === 'bare-false')! : undefined;
    expect(entry?.verdict).toBe('false');
    const saved = await editor.save(formToEntry({ ...debunkToForm(entry!), claim: 'Changed' }, entry), 'bare-false', debunkVersion(entry!));
    expect(saved).toMatchObject({ ok: true, file: 'db/extra.yaml' });
  });

  it('GIVEN an entry in a JSON file THEN the JSON file is rewritten with it', async () => {
    const editor = db.folder();
    writeFileSync(db.path('db/extra.json'), JSON.stringify([{ ...NEW, id: 'json-entry' }], null, 2));
    const saved = await editor.save({ ...NEW, id: 'json-entry', claim: 'Changed in JSON' }, 'json-entry');
    expect(saved).toMatchObject({ ok: true, file: 'db/extra.json' });
    expect(JSON.parse(readFileSync(db.path('db/extra.json'), 'utf8'))[0].claim).toBe('Changed in JSON');
  });
});
