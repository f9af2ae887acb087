import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/debunks/loadProblem.js';
import { parseDuration } from '../../src/rules/duration.js';
import { loadSettingsFile, parseSettings, type SettingsResult } from '../../src/rules/loadSettings.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const DEFAULT_YAML = readFileSync(path.join(REPO, 'rules/default.yaml'), 'utf8');
const FILE = 'rules/group.yaml';

/**
 * rules/default.yaml with one line replaced. Returns the text and the 1-based line where the
 * replacement starts, so expected line numbers follow the file if its comments change.
 */
function edit(from: string, to: string, text = DEFAULT_YAML): { text: string; line: number } {
  const lines = text.split('\n');
  const at = lines.indexOf(from);
  if (at < 0) throw new Error(`rules/default.yaml has no line ${JSON.stringify(from)}`);
  lines.splice(at, 1, ...to.split('\n'));
  return { text: lines.join('\n'), line: at + 1 };
}

function problemsOf(result: SettingsResult): string[] {
  if (result.ok) throw new Error('expected problems, got valid settings');
  return result.problems.map(formatProblem);
}

describe('rules/default.yaml', () => {
  it('GIVEN the shipped default rules THEN they load with the documented defaults', () => {
    const result = loadSettingsFile('rules/default.yaml', REPO);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings).toMatchObject({
      mode: 'enforce',
      language: 'auto',
      thresholds: { suggest: 0.4, answer: 0.4, act: 0.8 },
      softReply: false,
      enabledActions: ['reply_refutation', 'log'],
      strikes: { decayDays: 30 },
      repeat: { windowMinutes: 10, later: 'pointer' },
    });
    expect(result.settings.ladder.default).toEqual([
      [{ type: 'reply_refutation' }],
      [{ type: 'reply_refutation' }, { type: 'warn' }],
      [{ type: 'reply_refutation' }, { type: 'alert_owners' }, { type: 'mute', durationMs: 3_600_000 }],
      [{ type: 'reply_refutation' }, { type: 'alert_owners' }, { type: 'mute', durationMs: 86_400_000 }],
    ]);
    // The raw form keeps what was written: group overrides are merged into it and validated again.
    expect(result.raw).toMatchObject({ ladder: { default: [['reply_refutation'], ['reply_refutation', 'warn'], expect.anything(), ['reply_refutation', 'alert_owners', 'mute 24h']] } });
  });
});

describe('parseSettings: one problem, with file, line and field', () => {
  const LADDER_ACTIONS_TEXT = 'must be one of reply_refutation, warn, delete, alert_owners or "mute <duration>"';
  it.each([
    {
      given: 'an unknown mode',
      from: 'mode: enforce',
      to: 'mode: loud',
      problem: (l: number) => `${FILE}:${l}: mode: must be one of observe, enforce (got "loud")`,
    },
    {
      given: 'thresholds.act above 1',
      from: '  act: 0.8',
      to: '  act: 1.5',
      problem: (l: number) => `${FILE}:${l}: thresholds.act: must be between 0 and 1`,
    },
    {
      given: 'thresholds.suggest above thresholds.act',
      from: '  suggest: 0.4',
      to: '  suggest: 0.9',
      problem: (l: number) => `${FILE}:${l}: thresholds.suggest: must not be above thresholds.act`,
    },
    {
      given: 'a ladder step "reply", which is not an action',
      from: '    - [reply_refutation, warn]',
      to: '    - [reply_refutation, reply]',
      problem: (l: number) => `${FILE}:${l}: ladder.default[1][1]: ${LADDER_ACTIONS_TEXT} (got "reply")`,
    },
    {
      given: 'a ladder step "log", which no ladder can hold',
      from: '    - [reply_refutation, alert_owners, mute 24h]',
      to: '    - [alert_owners, log]',
      problem: (l: number) => `${FILE}:${l}: ladder.default[3][1]: ${LADDER_ACTIONS_TEXT} (got "log")`,
    },
    {
      given: '"mute forever"',
      from: '    - [reply_refutation, alert_owners, mute 24h]',
      to: '    - [reply_refutation, alert_owners, mute forever]',
      problem: (l: number) => `${FILE}:${l}: ladder.default[3][2]: "mute" needs a duration such as "mute 1h" or "mute 30m" (got "mute forever")`,
    },
    {
      given: '"mute" without a duration',
      from: '    - [reply_refutation, alert_owners, mute 24h]',
      to: '    - [reply_refutation, alert_owners, mute]',
      problem: (l: number) => `${FILE}:${l}: ladder.default[3][2]: "mute" needs a duration such as "mute 1h" or "mute 30m" (got "mute")`,
    },
    {
      given: 'an empty ladder step',
      from: '    - [reply_refutation, alert_owners, mute 24h]',
      to: '    - []',
      problem: (l: number) => `${FILE}:${l}: ladder.default[3]: a step needs at least one action`,
    },
    {
      given: 'an unknown top-level field (a typo)',
      from: 'softReply: false',
      to: 'softReply: false\nsoftreply: true',
      problem: (l: number) => `${FILE}:${l + 1}: unknown field "softreply" (did you mean "softReply"?)`,
    },
    {
      given: 'an unknown nested field',
      from: '  act: 0.8',
      to: '  act: 0.8\n  actt: 0.7',
      problem: (l: number) => `${FILE}:${l + 1}: thresholds: unknown field "actt" (did you mean "act"?)`,
    },
    {
      given: 'an action that does not exist in enabledActions',
      from: 'enabledActions: [reply_refutation, log]',
      to: 'enabledActions: [reply_refutation, lgo]',
      problem: (l: number) =>
        `${FILE}:${l}: enabledActions[1]: must be one of reply_refutation, suggest_check, pointer, warn, delete, mute, alert_owners, log (got "lgo")`,
    },
    {
      given: 'decayDays of 0',
      from: '  decayDays: 30',
      to: '  decayDays: 0',
      problem: (l: number) => `${FILE}:${l}: strikes.decayDays: must be more than 0`,
    },
    {
      given: 'a YAML syntax error (tab indentation)',
      from: '  act: 0.8',
      to: '\tact: 0.8',
      problem: (l: number) => `${FILE}:${l}: Tabs are not allowed as indentation`,
    },
    {
      given: 'a YAML syntax error (an unclosed quote)',
      from: 'language: auto',
      to: 'language: "auto',
      problem: (l: number) => `${FILE}:${l + 1}: Missing closing "quote`,
    },
  ])('GIVEN $given THEN exactly one problem names file, line and field', ({ from, to, problem }) => {
    const { text, line } = edit(from, to);
    expect(problemsOf(parseSettings(text, FILE))).toEqual([problem(line)]);
  });

  it('GIVEN a missing required field THEN it is "required" at the parent line', () => {
    const { text } = edit('language: auto', '');
    expect(problemsOf(parseSettings(text, FILE))).toEqual([`${FILE}:${lineOfFirstContent(text)}: language: required`]);
  });

  it('GIVEN a syntax error THEN the problem has the syntax code and no field', () => {
    const { text } = edit('  act: 0.8', '\tact: 0.8');
    const result = parseSettings(text, FILE);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([expect.objectContaining({ file: FILE, code: 'syntax' })]);
    expect(result.problems[0]).not.toHaveProperty('field');
  });
});

/** The root mapping starts at its first key: a field missing at the root points there. */
function lineOfFirstContent(text: string): number {
  return text.split('\n').findIndex((l) => l.trim() !== '' && !l.startsWith('#')) + 1;
}

describe('parseSettings: every problem at once', () => {
  it('GIVEN five independent mistakes THEN all five are reported, in file order', () => {
    let text = DEFAULT_YAML;
    const lines: number[] = [];
    for (const [from, to] of [
      ['mode: enforce', 'mode: loud'],
      ['  act: 0.8', '  act: 1.2'],
      ['    - [reply_refutation, warn]', '    - [reply_refutation, reply]'],
      ['    - [reply_refutation, alert_owners, mute 24h]', '    - [reply_refutation, alert_owners, mute forever]'],
      ['owners: []', 'owners: []\ncolour: red'],
    ] as const) {
      const edited = edit(from, to, text);
      text = edited.text;
      lines.push(edited.line);
    }
    expect(problemsOf(parseSettings(text, FILE))).toEqual([
      `${FILE}:${lines[0]}: mode: must be one of observe, enforce (got "loud")`,
      `${FILE}:${lines[1]}: thresholds.act: must be between 0 and 1`,
      `${FILE}:${lines[2]}: ladder.default[1][1]: must be one of reply_refutation, warn, delete, alert_owners or "mute <duration>" (got "reply")`,
      `${FILE}:${lines[3]}: ladder.default[3][2]: "mute" needs a duration such as "mute 1h" or "mute 30m" (got "mute forever")`,
      `${FILE}:${lines[4]! + 1}: unknown field "colour"`,
    ]);
  });

  // Regression test (found while writing the tests, fixed).
  it('GIVEN a bad mode AND suggest above act THEN both problems are reported', () => {
    const mode = edit('mode: enforce', 'mode: loud');
    const suggest = edit('  suggest: 0.4', '  suggest: 0.9', mode.text);
    expect(problemsOf(parseSettings(suggest.text, FILE))).toEqual([
      `${FILE}:${mode.line}: mode: must be one of observe, enforce (got "loud")`,
      `${FILE}:${suggest.line}: thresholds.suggest: must not be above thresholds.act`,
    ]);
  });
});

describe('loadSettingsFile', () => {
  it('GIVEN a file that does not exist THEN one "file not found" problem, shown relative to cwd', () => {
    const result = loadSettingsFile('rules/no-such-file.yaml', REPO);
    expect(problemsOf(result)).toEqual(['rules/no-such-file.yaml: file not found']);
    expect(result.ok === false && result.problems[0]?.code).toBe('unreadable');
  });

  it('GIVEN a bad file named by an absolute path THEN the problem names it by that path, as typed', () => {
    // Regression (QA L9): `--rules /tmp/qadb/rules-bad.yaml` was named `../../tmp/qadb/rules-bad.yaml`.
    const dir = mkdtempSync(path.join(tmpdir(), 'rumorguard-settings-'));
    const { text, line } = edit('  act: 0.8', '  act: 2');
    const file = path.join(dir, 'rules-bad.yaml');
    writeFileSync(file, text);
    expect(problemsOf(loadSettingsFile(file, REPO))).toEqual([`${file}:${line}: thresholds.act: must be between 0 and 1`]);
    expect(problemsOf(loadSettingsFile(path.join(dir, 'none.yaml'), REPO))).toEqual([`${path.join(dir, 'none.yaml')}: file not found`]);
  });

  it('GIVEN a bad file on disk THEN the problem carries its path relative to cwd', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rumorguard-settings-'));
    const { text, line } = edit('  act: 0.8', '  act: 2');
    writeFileSync(path.join(dir, 'strict.yaml'), text);
    expect(problemsOf(loadSettingsFile('strict.yaml', dir))).toEqual([`strict.yaml:${line}: thresholds.act: must be between 0 and 1`]);
  });
});

describe('durations in ladder steps', () => {
  it.each([
    { step: 'mute 90m', ms: 90 * 60_000 },
    { step: 'mute 1h', ms: 3_600_000 },
    { step: 'mute 24h', ms: 86_400_000 },
    { step: 'mute 7d', ms: 7 * 86_400_000 },
    { step: 'mute 30s', ms: 30_000 },
    { step: 'mute  2h', ms: 7_200_000 },
  ])('GIVEN "$step" THEN the step mutes for $ms ms', ({ step, ms }) => {
    const { text } = edit('    - [reply_refutation, alert_owners, mute 24h]', `    - [reply_refutation, alert_owners, ${step}]`);
    const result = parseSettings(text, FILE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.ladder.default[3]).toEqual([{ type: 'reply_refutation' }, { type: 'alert_owners' }, { type: 'mute', durationMs: ms }]);
  });

  it.each([
    { text: '90m', ms: 5_400_000 },
    { text: '1h', ms: 3_600_000 },
    { text: '7d', ms: 604_800_000 },
    { text: ' 1 h ', ms: 3_600_000 },
    { text: 'forever', ms: undefined },
    { text: '1.5h', ms: undefined },
    { text: '-1h', ms: undefined },
    { text: '1w', ms: undefined },
    { text: '', ms: undefined },
  ])('GIVEN parseDuration("$text") THEN $ms', ({ text, ms }) => {
    expect(parseDuration(text)).toBe(ms);
  });
});
