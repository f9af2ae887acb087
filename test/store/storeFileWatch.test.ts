import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/lib/logger.js';
import { createCore } from '../../src/moderation/createCore.js';
import { watchStoreFile } from '../../src/store/storeFileWatch.js';
import { DEBUNKS, DEFAULT_RULES } from '../engine/harness.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rg-watch-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the SQLite store file deleted or replaced under the running bot (QA: it kept "recording" into the deleted file)', () => {
  it.each([
    { given: 'deleted', act: (file: string) => rmSync(file), said: 'was deleted' },
    {
      given: 'replaced',
      act: (file: string) => {
        writeFileSync(`${file}.new`, '');
        renameSync(`${file}.new`, file);
      },
      said: 'was replaced by another file',
    },
  ])('GIVEN the file $given THEN the operator is told once, naming the file and what to do', async ({ act, said }) => {
    const file = path.join(tempDir(), 'store.sqlite');
    writeFileSync(file, 'x');
    const told: string[] = [];
    const watch = await watchStoreFile(file, (why) => told.push(why), 10);
    try {
      act(file);
      await vi.waitFor(() => expect(told).toHaveLength(1));
      expect(told[0]).toContain(`store: ${file} ${said} while the bot runs`);
      expect(told[0]).toContain('Stop the bot and put the file back');
    } finally {
      watch.stop();
    }
  });

  it('GIVEN the core on a SQLite store whose file is deleted THEN its log says so at error level', async () => {
    const dir = tempDir();
    const out = new PassThrough();
    let logged = '';
    out.on('data', (c: Buffer) => (logged += c.toString('utf8')));
    const created = await createCore({
      debunks: DEBUNKS,
      rules: DEFAULT_RULES,
      storeUrl: `sqlite://${path.join(dir, 'store.sqlite')}`,
      spoolFile: path.join(dir, 'spool.jsonl'),
      log: createLogger({ level: 'info', secrets: [], destination: out }),
      storeFileCheckMs: 10,
    });
    if (!created.ok) throw new Error(created.error);
    try {
      rmSync(path.join(dir, 'store.sqlite'));
      await vi.waitFor(() => expect(logged).toContain('was deleted while the bot runs'));
      const line = logged.split('\n').find((l) => l.includes('was deleted'))!;
      expect(line).toMatch(/"level":(50|"error")/);
    } finally {
      await created.core.close();
    }
  });
});
