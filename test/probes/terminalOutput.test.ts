import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { terminalText } from '../../src/lib/terminalText.js';
import { TEXT } from '../engine/harness.js';
import { botEnv, runCli } from '../adapters/botProcess.js';

// Issue 13 row 12: `rumorguard scan` printed member names from exports unfiltered: ANSI/OSC
// sequences changed the terminal title, erased lines, overwrote the summary.

/** What a hostile export puts in a name: a window title (OSC), erase line, cursor moves, CR, C1 CSI, RLO. */
export const TERMINAL_PAYLOADS = [
  '\x1b]0;pwned\x07',
  '\x1b[2K\x1b[1A',
  '\r\x1b[31mOK: nothing found',
  'a\nforged line',
  '\x9b2J',
  '\u202Eevil',
  '\x1bP+q\x1b\\',
] as const;

/** Any character a terminal would act on. */
const ACTIVE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

const dir = mkdtempSync(path.join(tmpdir(), 'rg-term-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('terminal output', () => {
  it.each(TERMINAL_PAYLOADS.map((p) => [JSON.stringify(p), p]))('GIVEN %s THEN terminalText shows it escaped, acting on nothing', (_, payload) => {
    const shown = terminalText(payload);
    expect(shown).not.toMatch(ACTIVE);
    expect(shown).not.toContain('\n');
  });

  it('GIVEN an export whose member names carry every payload THEN scan prints them escaped (stdout and stderr)', async () => {
    const file = path.join(dir, 'hostile.jsonl');
    const lines = TERMINAL_PAYLOADS.flatMap((payload, i) =>
      [TEXT.fiveG, TEXT.garlic, TEXT.gates].map((text, j) => JSON.stringify({ group: 'g', member: `m${payload}`, memberId: `id${payload}${i}`, date: `2024-03-0${j + 1}T09:0${i}:00Z`, id: `${i}-${j}`, text })),
    );
    // A broken line whose text the problem report quotes.
    lines.push('{"group":"g","member":"\\u001b]0;title\\u0007", "text": 5}');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const run = await runCli(['scan', file], botEnv({}));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('\\x1B]0;pwned\\x07');
    for (const line of `${run.stdout}${run.stderr}`.split('\n')) expect(line).not.toMatch(ACTIVE);
  }, 60_000);
});
