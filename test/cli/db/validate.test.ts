import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { linesOf, removeWorkspaces, runDb, workspace } from './runDb.js';

afterAll(removeWorkspaces);

describe('rumorguard db validate', () => {
  it('GIVEN a valid folder at the default place THEN it prints the counts and exits 0', () => {
    const run = runDb(workspace(), ['validate']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('OK: 4 debunks in 2 files (1 example)\n');
    expect(run.stderr).toBe('');
  });

  it('GIVEN a folder with a bad source URL THEN it prints the exact problem line to stderr and exits 1', () => {
    const run = runDb(workspace('broken-folder'), ['validate']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(linesOf(run.stderr)).toEqual(['rules/debunks/health.yaml:7 entry "five-g-towers": sources[0].url: must be an http:// or https:// address']);
  });

  it('GIVEN DEBUNKS_DIR in the environment THEN that folder is checked, and --dir overrides it', () => {
    const cwd = workspace();
    const fromEnv = runDb(cwd, ['validate'], { DEBUNKS_DIR: 'elsewhere' });
    expect(fromEnv.status).toBe(1);
    expect(linesOf(fromEnv.stderr)).toEqual(['elsewhere: folder not found']);

    const fromFlag = runDb(cwd, ['validate', '--dir', 'rules/debunks'], { DEBUNKS_DIR: 'elsewhere' });
    expect(fromFlag.status, fromFlag.stderr).toBe(0);
    expect(fromFlag.stdout).toBe('OK: 4 debunks in 2 files (1 example)\n');
  });

  it('GIVEN the folder as an argument THEN it is checked as with --dir, over DEBUNKS_DIR', () => {
    const run = runDb(workspace(), ['validate', 'rules/debunks'], { DEBUNKS_DIR: 'elsewhere' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('OK: 4 debunks in 2 files (1 example)\n');
    expect(run.stderr).toBe('');
  });

  it.each([
    { given: 'as an argument', args: ['validate', 'rules/debunks/health.yaml'] },
    { given: 'with --dir', args: ['validate', '--dir', 'rules/debunks/health.yaml'] },
  ])('GIVEN one file of the folder $given THEN that file alone is checked', ({ args }) => {
    const run = runDb(workspace(), args);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('OK: 3 debunks in 1 file (0 examples)\n');
  });

  it('GIVEN one broken file as an argument THEN its problems, exit 1', () => {
    const run = runDb(workspace('broken-folder'), ['validate', 'rules/debunks/health.yaml']);
    expect(run.status).toBe(1);
    expect(linesOf(run.stderr)).toEqual(['rules/debunks/health.yaml:7 entry "five-g-towers": sources[0].url: must be an http:// or https:// address']);
  });

  it('GIVEN the argument and --dir naming the same folder, written differently THEN it is checked', () => {
    const run = runDb(workspace(), ['validate', 'rules/debunks', '--dir', './rules/debunks/']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('OK: 4 debunks in 2 files (1 example)\n');
  });

  it('GIVEN the argument and --dir naming different folders THEN one line saying so, exit 1, nothing checked', () => {
    const run = runDb(workspace(), ['validate', 'rules/debunks', '--dir', 'elsewhere']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('error: "rules/debunks" and --dir "elsewhere" name different places: give one of them\n');
  });

  it('GIVEN --help THEN the usage shows the optional path', () => {
    const run = runDb(workspace(), ['validate', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: rumorguard db validate [options] [path]');
    expect(run.stdout).toMatch(/Arguments:\n\s+path\s+same as --dir: folder of debunk files, or one debunk file/);
  });

  it('GIVEN a refutation in a language the bot does not speak THEN file, line, entry and field, with the languages it speaks; exit 1', () => {
    const cwd = workspace();
    mkdirSync(path.join(cwd, 'moon'));
    writeFileSync(
      path.join(cwd, 'moon/a.yaml'),
      [
        '- id: moon-cheese',
        '  claim: The moon is made of green cheese',
        '  verdict: "false"',
        '  refutation:',
        '    fr: La lune est faite de roche.',
        '  sources:',
        '    - { title: NASA, url: "https://nasa.gov/" }',
        '  lang: en',
        '  published: 2020-01-01',
        '',
      ].join('\n'),
    );
    const run = runDb(cwd, ['validate', '--dir', 'moon']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(linesOf(run.stderr)).toEqual(['moon/a.yaml:5 entry "moon-cheese": refutation.fr: unknown language "fr" (the bot speaks en, zh)']);
  });
});
