import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

describe('bench command', () => {
  it('GIVEN --json THEN stdout is exactly one JSON object with a row per system', async () => {
    const args = ['--import', 'tsx', 'adapters/cli.ts', 'bench', '--sizes', '100', '--messages', '20', '--systems', 'rumorguard,minisearch,normalize', '--json'];
    const { stdout } = await run(process.execPath, args, { cwd: root });
    const parsed = JSON.parse(stdout) as { results: { system: string; claims: number }[] };
    expect(Object.keys(parsed)).toEqual(['results']);
    expect(parsed.results.map((r) => r.system)).toEqual(['rumorguard', 'minisearch', 'normalize']);
    expect(parsed.results.every((r) => r.claims === 100)).toBe(true);
  });

  it('GIVEN an unknown system THEN it refuses and names the known ones', async () => {
    const args = ['--import', 'tsx', 'adapters/cli.ts', 'bench', '--systems', 'elastic'];
    await expect(run(process.execPath, args, { cwd: root })).rejects.toMatchObject({
      stderr: expect.stringContaining('rumorguard, fuse, minisearch, normalize'),
    });
  });
});
