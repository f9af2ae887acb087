import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblems, loadDebunks, loadDebunksSync } from '../../src/debunks/loadDebunks.js';
import { firstInvalidUtf8 } from '../../src/debunks/readDebunkFile.js';
import { botEnv, runCli } from '../adapters/botProcess.js';

// Issue 13 row 11: a symlink to a FIFO hung loading; a symlink to /etc/passwd had its first line
// quoted in the error; Latin-1 was read as U+FFFD; a key with ANSI codes and a newline forged an
// "OK" line in `db validate`.

const root = mkdtempSync(path.join(tmpdir(), 'rg-folder-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ENTRY = (id: string) => `- id: ${id}\n  claim: Garlic cures everything\n  verdict: "false"\n  refutation: It does not.\n  sources:\n    - { title: WHO, url: "https://www.who.int/" }\n  lang: en\n  published: 2024-01-01\n`;

/** A folder with one good file and `extra` files beside it. */
function folder(name: string, extra: (dir: string) => void): string {
  const dir = path.join(root, name);
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'good.yaml'), ENTRY('good'));
  extra(dir);
  return dir;
}

const both = async (dir: string) => [await loadDebunks(dir), loadDebunksSync(dir)];

describe('debunk folder: plain UTF-8 files of the folder only', () => {
  it('GIVEN symlinks to a FIFO (inside and outside the folder) THEN loading returns at once with a problem naming each', async () => {
    const dir = folder('fifo', (d) => {
      execFileSync('mkfifo', [path.join(d, 'pipe')]);
      execFileSync('mkfifo', [path.join(root, 'outside-pipe')]);
      symlinkSync(path.join(d, 'pipe'), path.join(d, 'inside.yaml'));
      symlinkSync(path.join(root, 'outside-pipe'), path.join(d, 'outside.yaml'));
    });
    for (const result of await both(dir)) {
      expect(result.ok).toBe(false);
      const text = formatProblems(result.ok ? [] : result.problems);
      expect(text).toMatch(/inside\.yaml: is not a regular file/);
      expect(text).toMatch(/outside\.yaml: is a link to a file outside the folder/);
    }
  });

  it('GIVEN symlinks to /etc/passwd and /dev/zero THEN they are refused without a word of their content', async () => {
    const dir = folder('links', (d) => {
      symlinkSync('/etc/passwd', path.join(d, 'passwd.yaml'));
      symlinkSync('/dev/zero', path.join(d, 'zero.yaml'));
    });
    for (const result of await both(dir)) {
      const text = formatProblems(result.ok ? [] : result.problems);
      expect(text).toMatch(/passwd\.yaml: is a link to a file outside the folder/);
      expect(text).toMatch(/zero\.yaml: is a link to a file outside the folder/);
      expect(text).not.toMatch(/root:/);
    }
  });

  it('GIVEN a Latin-1 file THEN it is an error naming the byte offset', async () => {
    const dir = folder('latin1', (d) => writeFileSync(path.join(d, 'latin1.yaml'), Buffer.from(ENTRY('caf\xe9').replace('Garlic', 'Caf\xe9'), 'latin1')));
    const offset = '- id: caf'.length;
    for (const result of await both(dir)) {
      expect(formatProblems(result.ok ? [] : result.problems)).toContain(`latin1.yaml: is not UTF-8: byte 0xE9 at offset ${offset} is invalid`);
    }
  });

  it('GIVEN a key holding ANSI codes and a newline THEN db validate prints it escaped and forges no OK line', async () => {
    const dir = folder('keys', (d) => writeFileSync(path.join(d, 'keys.json'), JSON.stringify([{ id: 'k', '\x1b[2K\rOK: 999 debunks\n\x1b]0;t\x07': 1 }])));
    const run = await runCli(['db', 'validate', '--dir', dir], botEnv({}));
    expect(run.code).toBe(1);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/);
    expect(`${run.stdout}${run.stderr}`.split('\n').filter((l) => l.startsWith('OK'))).toEqual([]);
    expect(run.stderr).toContain('\\x1B[2K\\rOK: 999 debunks\\n');
  }, 60_000);

  it.each([
    [[0x61, 0x62], undefined],
    [[0xe4, 0xb8, 0xad], undefined],
    [[0xf0, 0x9f, 0x98, 0x80], undefined],
    [[0x61, 0xc0, 0xaf], 1],
    [[0xed, 0xa0, 0x80], 0],
    [[0x61, 0x62, 0xe4, 0xb8], 2],
    [[0xf4, 0x90, 0x80, 0x80], 0],
  ])('GIVEN bytes %j THEN the first invalid offset is %s', (bytes, offset) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(offset);
  });
});
