import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { checkBatch } from '../../src/cli/checkBatch.js';
import { loadEngine } from '../../src/cli/loadEngine.js';

async function runBatch(lines: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'rg-batch-'));
  const file = join(dir, 'messages.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const engine = await loadEngine({ dir: 'rules/debunks', rules: 'rules/default.yaml' });
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  const result = await checkBatch(engine!, file, out);
  const printed = chunks.join('').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, any>);
  return { result, printed };
}

describe('check --batch', () => {
  it('GIVEN messages without a group THEN one JSON line each, in order, with id and stance, each in a fresh group', async () => {
    const { result, printed } = await runBatch([
      JSON.stringify({ id: 'a', text: '5G towers spread the coronavirus' }),
      JSON.stringify({ id: 'b', text: 'is it true that 5G towers spread the coronavirus?' }),
      JSON.stringify({ id: 'c', text: '5G towers spread the coronavirus' }),
      JSON.stringify({ id: 7, text: 'see you at dinner' }),
    ]);
    expect(result).toEqual({ messages: 4, problems: [] });
    expect(printed.map((p) => [p.id, p.stance])).toEqual([['a', 'spread'], ['b', 'question'], ['c', 'spread'], ['7', 'spread']]);
    expect(printed.map((p) => p.strikes.after)).toEqual([1, 0, 1, 0]);
    expect(new Set(printed.map((p) => p.groupId)).size).toBe(4);
    expect(printed[0]).toMatchObject({ matches: [{ debunkId: '5g-spreads-coronavirus' }], refuting: false });
    expect(printed[3]!.matches).toEqual([]);
  });

  it('GIVEN messages naming one group and member THEN strikes build up across the lines', async () => {
    const line = (id: string) => JSON.stringify({ id, text: '5G towers spread the coronavirus', group: 'g-1', member: 'm-1' });
    const { printed } = await runBatch([line('1'), line('2'), line('3')]);
    expect(printed.map((p) => [p.groupId, p.memberId, p.strikes.after])).toEqual([['g-1', 'm-1', 1], ['g-1', 'm-1', 2], ['g-1', 'm-1', 3]]);
  });

  it('GIVEN a line that is not JSON and one without text THEN both are reported with their line AND the rest still runs', async () => {
    const { result, printed } = await runBatch(['not json', JSON.stringify({ id: 'x' }), JSON.stringify({ id: 'y', text: 'hello' })]);
    expect(result.problems.map((p) => p.line)).toEqual([1, 2]);
    expect(result.problems[1]!.error).toContain('text');
    expect(printed.map((p) => p.id)).toEqual(['y']);
  });

  it('GIVEN lines without text, without id, with a wrong type or not an object THEN each problem is said in plain words', async () => {
    // Regression (QA L8): "text: Invalid input: expected string, received undefined", "id: Invalid input".
    const { result, printed } = await runBatch([
      JSON.stringify({ id: 'a' }),
      JSON.stringify({ text: 'hello' }),
      JSON.stringify({ id: 'c', text: 5 }),
      JSON.stringify({ group: '' }),
      '[1, 2]',
      JSON.stringify({ id: 'ok', text: 'hello' }),
    ]);
    expect(result.problems).toEqual([
      { line: 1, error: 'missing "text"' },
      { line: 2, error: 'missing "id"' },
      { line: 3, error: '"text" must be a string' },
      { line: 4, error: 'missing "id"; missing "text"; "group" must be a string that is not empty' },
      { line: 5, error: 'not a JSON object like {"id": "1", "text": "…"}' },
    ]);
    expect(printed.map((p) => p.id)).toEqual(['ok']);
  });

  it('GIVEN lines carrying fields of their own (a label) THEN they are checked as they are', async () => {
    const { result, printed } = await runBatch([JSON.stringify({ id: 'a', text: 'hello', label: 'chatter' })]);
    expect(result.problems).toEqual([]);
    expect(printed.map((p) => p.id)).toEqual(['a']);
  });
});
