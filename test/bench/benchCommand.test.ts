import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT } from '../cli/runCli.js';

const run = promisify(execFile);

describe('bench command', () => {
  it('GIVEN --json THEN stdout is exactly one JSON object with a row per system, then the pipeline rows', async () => {
    const pipeline = ['--groups', '5', '--pipeline-messages', '40', '--flood', '20', '--replay', '50', '--rate', '200'];
    const args = [BIN, 'bench', '--sizes', '100', '--messages', '20', '--systems', 'rumorguard,minisearch,normalize', ...pipeline, '--json'];
    const { stdout } = await run(process.execPath, args, { cwd: REPO_ROOT, env: { ...process.env, REDIS_URL: '', POSTGRES_URL: '' } });
    const parsed = JSON.parse(stdout) as { results: { system: string; claims?: number; store?: string; run?: string; rumorShare?: number; messages?: number }[] };
    expect(Object.keys(parsed)).toEqual(['results']);
    const matchers = parsed.results.filter((r) => r.system !== 'pipeline');
    expect(matchers.map((r) => r.system)).toEqual(['rumorguard', 'minisearch', 'normalize']);
    expect(matchers.every((r) => r.claims === 100)).toBe(true);
    // The whole moderation path on the default store: steady at 5 % and 100 % rumors, paced, a flood, a replay.
    const pipelineRows = parsed.results.filter((r) => r.system === 'pipeline');
    expect(pipelineRows.map((r) => [r.store, r.run, r.rumorShare])).toEqual([
      ['sqlite', 'steady', 0.05],
      ['sqlite', 'steady', 1],
      ['sqlite', 'paced', 0.05],
      ['sqlite', 'flood', 1],
      ['sqlite', 'replay', undefined],
    ]);
    expect(pipelineRows[0]?.messages).toBe(40);
    // Paced: every message offered was decided (at 200 a second, 40 of them).
    expect(pipelineRows[2]?.messages).toBe(40);
  }, 120_000);

  it('GIVEN an unknown system THEN it refuses and names the known ones', async () => {
    const args = [BIN, 'bench', '--systems', 'elastic'];
    await expect(run(process.execPath, args, { cwd: REPO_ROOT })).rejects.toMatchObject({
      stderr: expect.stringContaining('rumorguard, fuse, minisearch, normalize'),
    });
  });
});
