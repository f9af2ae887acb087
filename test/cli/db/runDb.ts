import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, runCli } from '../runCli.js';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/import');

const created: string[] = [];

/** Removes every folder {@link workspace} made; for `afterAll`. */
export function removeWorkspaces(): void {
  for (const cwd of created.splice(0)) rmSync(cwd, { recursive: true, force: true });
}

/**
 * A temporary working directory holding a copy of a fixture database in `rules/debunks` (the
 * default folder) and the import inputs at its top, so messages read `feed.csv:4 …`.
 */
export function workspace(folder: 'folder' | 'broken-folder' = 'folder'): string {
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'rumorguard-db-'));
  created.push(cwd);
  mkdirSync(path.join(cwd, 'rules'));
  cpSync(path.join(FIXTURES, folder), path.join(cwd, 'rules/debunks'), { recursive: true });
  cpSync(path.join(FIXTURES, 'inputs'), cwd, { recursive: true });
  return cwd;
}

/** Runs `rumorguard db <args>` in `cwd`, with no DEBUNKS_DIR unless `env` sets one. */
export function runDb(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  return runCli(['db', ...args], { cwd, env });
}

/** Non-empty lines of `text`. */
export function linesOf(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

/** Every file of the database folder with its text, to show that a refused import wrote nothing. */
export function folderSnapshot(cwd: string, dir = 'rules/debunks'): Record<string, string> {
  const folder = path.join(cwd, dir);
  return Object.fromEntries(readdirSync(folder).sort().map((name) => [name, readFileSync(path.join(folder, name), 'utf8')]));
}
