import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { DebunkEditor } from '../../src/dashboard/data/debunkEditor.js';
import { REPO } from '../engine/harness.js';

/** A new entry the editor accepts as it is. */
export const NEW_DEBUNK = {
  id: 'moon-landing-staged',
  claim: 'The moon landing was filmed in a studio',
  verdict: 'false',
  refutation: { en: 'Lunar samples and independent tracking confirm the landings.' },
  sources: [{ title: 'NASA history', url: 'https://history.nasa.gov/' }],
  lang: 'en',
  published: '2026-01-01',
};

/**
 * Per test, a database folder of its own: a copy of the shipped examples in a temporary working
 * directory (named from `prefix`), removed after the test. `path` names a file in the latest one.
 */
export function useEditorFolder(prefix: string): { folder(): DebunkEditor; path(file: string): string } {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  return {
    folder() {
      dir = mkdtempSync(path.join(tmpdir(), prefix));
      mkdirSync(path.join(dir, 'db'));
      copyFileSync(path.join(REPO, 'rules/debunks/examples.yaml'), path.join(dir, 'db/examples.yaml'));
      return new DebunkEditor('db', dir);
    },
    path(file: string) {
      if (!dir) throw new Error('no editor folder yet: call folder() first');
      return path.join(dir, file);
    },
  };
}
