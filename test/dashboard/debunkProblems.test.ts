import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DebunkEditor } from '../../src/dashboard/data/debunkEditor.js';
import { debunkFormProblems } from '../../src/dashboard/data/debunkProblems.js';
import { translator } from '../../src/dashboard/texts.js';
import { FIVE_G_ID } from '../engine/harness.js';
import { NEW_DEBUNK as NEW, useEditorFolder } from './editorFolder.js';

const db = useEditorFolder('rg-problems-');

/** The problems of a refused save, as the form says them. */
async function refused(editor: DebunkEditor, entry: Record<string, unknown>, lang: 'en' | 'zh' = 'en') {
  const saved = await editor.save(entry);
  if (saved.ok || !saved.found) throw new Error('the save was not refused as invalid');
  return debunkFormProblems(translator(lang), saved.found, String(entry.id));
}

describe('debunkFormProblems (QA: "rules/debunks/dashboard.yaml:4 entry #1: id: …")', () => {
  it('GIVEN an entry with a bad verdict and source address THEN the form names the fields as it labels them, without file, line or field path', async () => {
    const said = await refused(db.folder(), { ...NEW, sources: [{ title: 'NASA', url: 'nasa' }], verdict: 'fake' });
    expect(said.problems).toEqual([expect.stringMatching(/^Verdict: must be one of false, misleading, .* \(got "fake"\)$/), 'Sources: line 1, web address: not a web address starting with http:// or https://']);
    expect(Object.fromEntries(said.byField)).toEqual({ verdict: [expect.stringMatching(/^must be one of /)], sources: ['line 1, web address: not a web address starting with http:// or https://'] });
    expect(said.problems.join('\n')).not.toMatch(/dashboard\.yaml|entry #|sources\[/);
  });

  it('GIVEN the same in Chinese THEN it is said in Chinese', async () => {
    const said = await refused(db.folder(), { ...NEW, sources: [{ title: 'NASA', url: 'nasa' }], claim: '' }, 'zh');
    expect(said.problems).toEqual(['说法：不能为空', '来源：第 1 行的网址：不是以 http:// 或 https:// 开头的网址']);
    expect(said.byField.get('sources')).toEqual(['第 1 行的网址：不是以 http:// 或 https:// 开头的网址']);
  });

  // Browser QA: an over-long English refutation was said under both refutation fields, and the
  // list said "Refutation: Refutation (English): …".
  it('GIVEN an English refutation too long THEN it is said once, under the English field, named once', async () => {
    const said = await refused(db.folder(), { ...NEW, refutation: { en: 'x'.repeat(1001), zh: '不是真的' } });
    expect(said.problems).toEqual([expect.stringMatching(/^Refutation \(English\): /)]);
    expect([...said.byField.keys()]).toEqual(['refutation.en']);
  });

  it('GIVEN an id that is not one THEN the entry, known by its place only, is still the form\'s', async () => {
    const said = await refused(db.folder(), { ...NEW, id: 'Bad Id' });
    expect(said.problems).toEqual(['Id: use 1-80 lowercase letters, digits, ".", "_" or "-"']);
    expect(said.byField.get('id')).toEqual(['use 1-80 lowercase letters, digits, ".", "_" or "-"']);
  });

  it('GIVEN an id another entry has THEN both places are named, so the admin can find the other', async () => {
    const said = await refused(db.folder(), { ...NEW, id: FIVE_G_ID });
    expect(said.problems).toEqual([expect.stringMatching(new RegExp(`^the id "${FIVE_G_ID}" is used twice: db/\\w+\\.yaml, line \\d+ and db/\\w+\\.yaml, line \\d+\\. Each entry needs an id of its own\\.$`))]);
    expect(said.byField.get('id')).toEqual(said.problems);
  });

  it('GIVEN another entry of the folder broken by hand THEN its problem keeps its file, line and entry, and is not put under the form\'s fields', async () => {
    const editor = db.folder();
    writeFileSync(db.path('db/other.yaml'), 'debunks:\n  - id: other-entry\n    claim: Something\n    verdict: wrong\n    refutation: No.\n    sources: [{ title: T, url: "https://example.org/" }]\n    lang: en\n    published: 2026-01-01\n');
    const said = await refused(editor, NEW);
    expect(said.problems).toEqual([expect.stringMatching(/^In db\/other\.yaml, line 4, entry "other-entry": Verdict: must be one of .*\(got "wrong"\)$/)]);
    expect(said.byField.size).toBe(0);
  });
});
