import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runPlayground } from '../../../adapters/console/playground.js';
import { loadDebunksSync } from '../../../src/debunks/loadDebunks.js';

const repo = path.resolve(import.meta.dirname, '../../..');
const examples = (() => {
  const r = loadDebunksSync(path.join(repo, 'rules/debunks'));
  if (!r.ok) throw new Error('examples.yaml must load');
  return r.debunks;
})();

async function play(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (c: Buffer) => (text += c.toString()));
  const done = runPlayground({ debunks: examples, input, output });
  input.end(`${lines.join('\n')}\n`);
  await done;
  return text;
}

describe('console playground', () => {
  it('GIVEN a rumor in traditional Chinese THEN it shows the matched debunk and its refutation', async () => {
    const out = await play(['上海海灘走失的4歲女孩其實是被家人故意遺棄的']);
    expect(out).toMatch(/ACT shanghai-beach-girl-abandoned/);
    expect(out).toMatch(/refutation \(false\)/);
  });

  it('GIVEN small talk THEN it says no known rumor', async () => {
    expect(await play(['good morning everyone'])).toMatch(/\(no known rumor\)/);
  });

  it('GIVEN /lang zh THEN refutations are shown in Chinese', async () => {
    const out = await play(['/lang zh', '5G towers spread the coronavirus']);
    const refutation = out.split('\n').find((l) => l.includes('refutation ('));
    expect(refutation).toMatch(/[\u4e00-\u9fff]/);
  });

  it('GIVEN /quit THEN later lines are not read', async () => {
    const out = await play(['/quit', '5G towers spread the coronavirus']);
    expect(out).not.toMatch(/5g-spreads-coronavirus/);
  });
});

describe('npm start with no configuration', () => {
  it('GIVEN no tokens THEN it opens the playground, says how to connect a platform, and answers on stdout', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'rg-start-'));
    // An empty .env in a fresh folder: nothing configured; the database comes from the repo.
    writeFileSync(path.join(cwd, '.env'), '');
    const child = promisify(execFile)(path.join(repo, 'node_modules/.bin/tsx'), [path.join(repo, 'adapters/cli.ts'), 'start'], {
      cwd,
      env: { ...process.env, DEBUNKS_DIR: path.join(repo, 'rules/debunks'), DISCORD_TOKEN: '', TELEGRAM_BOT_TOKEN: '' },
    });
    child.child.stdin!.end('5G towers spread the coronavirus\n');
    const { stdout } = await child;
    expect(stdout).toMatch(/To connect a real group, put DISCORD_TOKEN or TELEGRAM_BOT_TOKEN in \.env/);
    expect(stdout).toMatch(/ACT 5g-spreads-coronavirus/);
  });

  it('GIVEN a broken debunk folder THEN it exits 1 naming the problem', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'rg-start-'));
    const run = promisify(execFile)(path.join(repo, 'node_modules/.bin/tsx'), [path.join(repo, 'adapters/cli.ts'), 'start'], {
      cwd,
      env: { ...process.env, DEBUNKS_DIR: 'no-such-folder' },
    });
    run.child.stdin!.end();
    await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/no-such-folder: folder not found/) });
  });
});
