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
    expect(linesOf(run.stderr)).toEqual(['rules/debunks/health.yaml:7 entry "five-g-towers": sources[0].url: not a URL']);
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
});
