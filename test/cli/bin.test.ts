import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT, runCli } from './runCli.js';

const packageJson = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
const COMMANDS = ['eval', 'bench', 'bench-ledger', 'check', 'scan', 'db', 'ledger', 'start'];
const tmp = mkdtempSync(path.join(tmpdir(), 'rumorguard-bin-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the rumorguard bin', () => {
  it('GIVEN package.json THEN its rumorguard bin is the compiled entry the tests run', () => {
    expect(path.join(REPO_ROOT, packageJson.bin.rumorguard!)).toBe(BIN);
  });

  it('GIVEN --version THEN the package version alone on stdout, exit 0', () => {
    const run = runCli(['--version']);
    expect(run).toEqual({ status: 0, stdout: `${packageJson.version}\n`, stderr: '' });
  });

  it('GIVEN the bin run as a program (no node in front) THEN its #! line and mode make it run', () => {
    const run = spawnSync(BIN, ['-V'], { encoding: 'utf8' });
    expect(run.error).toBeUndefined();
    expect(run.stdout).toBe(`${packageJson.version}\n`);
  });

  it('GIVEN --help THEN every command is listed, start included', () => {
    const run = runCli(['--help']);
    expect(run.status).toBe(0);
    for (const name of COMMANDS) expect(run.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it('GIVEN help and a command THEN that command\'s own help', () => {
    const run = runCli(['help', 'ledger']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Usage: rumorguard ledger/);
    expect(run.stdout).toMatch(/^ {2}export /m);
  });

  it('GIVEN a mistyped command THEN one line with a suggestion on stderr, exit 1', () => {
    const run = runCli(['chek', 'hello']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe("error: unknown command 'chek'\n(Did you mean check?)\n");
  });

  it('GIVEN start with no token THEN the compiled bin opens the playground, which answers and quits', () => {
    const run = runCli(['start'], {
      cwd: tmp,
      input: '5G towers spread the coronavirus\n/quit\n',
      env: {
        DEBUNKS_DIR: path.join(REPO_ROOT, 'rules/debunks'),
        RULES_FILE: path.join(REPO_ROOT, 'rules/default.yaml'),
        STORE_URL: 'memory:',
        SPOOL_FILE: path.join(tmp, 'spool.jsonl'),
        DISCORD_TOKEN: '',
        TELEGRAM_BOT_TOKEN: '',
      },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^RumorGuard playground: /);
    expect(run.stdout).toMatch(/\[ledger\] 5g-spreads-coronavirus/);
  });

  it('GIVEN start with a bad setting THEN one line naming it and exit 2', () => {
    writeFileSync(path.join(tmp, '.env'), 'LOG_LEVEL=loud\n');
    const run = runCli(['start'], { cwd: tmp, input: '' });
    rmSync(path.join(tmp, '.env'));
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^Invalid setting in the environment or \.env: .*LOG_LEVEL/);
  });

  it('GIVEN check --batch piped into a reader that stops after one line (`| head -1`) THEN it ends quietly, exit 0, without a stack', async () => {
    const file = path.join(tmp, 'many.jsonl');
    writeFileSync(file, Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: i, text: `5G towers spread the coronavirus ${i}` })).join('\n'));
    const child = spawn(process.execPath, [BIN, 'check', '--batch', file], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    // The first line read, the pipe is closed, as `head -1` closes it.
    let first = '';
    for await (const chunk of child.stdout) {
      first += (chunk as Buffer).toString('utf8');
      if (first.includes('\n')) break;
    }
    child.stdout.destroy();
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(JSON.parse(first.split('\n')[0]!)).toMatchObject({ id: '0', stance: 'spread' });
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
