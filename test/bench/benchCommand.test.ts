import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT } from '../cli/runCli.js';

const run = promisify(execFile);

describe('bench command', () => {
  it('GIVEN --json THEN stdout is exactly one JSON object with a row per system', async () => {
    const args = [BIN, 'bench', '--sizes', '100', '--messages', '20', '--systems', 'rumorguard,minisearch,normalize', '--json'];
    const { stdout } = await run(process.execPath, args, { cwd: REPO_ROOT });
    const parsed = JSON.parse(stdout) as { results: { system: string; claims: number }[] };
    expect(Object.keys(parsed)).toEqual(['results']);
    expect(parsed.results.map((r) => r.system)).toEqual(['rumorguard', 'minisearch', 'normalize']);
    expect(parsed.results.every((r) => r.claims === 100)).toBe(true);
  });

  it('GIVEN an unknown system THEN it refuses and names the known ones', async () => {
    const args = [BIN, 'bench', '--systems', 'elastic'];
    await expect(run(process.execPath, args, { cwd: REPO_ROOT })).rejects.toMatchObject({
      stderr: expect.stringContaining('rumorguard, fuse, minisearch, normalize'),
    });
  });
});
