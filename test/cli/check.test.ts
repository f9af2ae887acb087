import { mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from './runCli.js';

const RUMOR = '5G towers spread the coronavirus, share this with everyone!';

function check(args: string[], input?: string) {
  return runCli(['check', ...args], input === undefined ? {} : { input });
}

function checkJson(args: string[], input?: string) {
  const run = check([...args, '--json'], input);
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(run.stdout) as {
    refuting: boolean;
    refutingCues: string[];
    strikes: { before: number; after: number };
    matches: { debunkId: string; score: number; phrase: string; excerpt: string }[];
    actions: { type: string; reason: string; reasonText: string; detail: string; text?: string }[];
    withheld: { type: string; reason: string; withheldBecause: string }[];
    explain: { rule: string; fired: boolean; reason: string; reasonText: string }[];
  };
}

const tmp = mkdtempSync(path.join(tmpdir(), 'rumorguard-check-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Runs the real engine on rules/default.yaml and rules/debunks in a child process, as a user would.
describe('rumorguard check', () => {
  it('GIVEN a known rumor with --json THEN one object with the match, the refutation to post and every rule', () => {
    const out = checkJson([RUMOR]);
    expect(out.refuting).toBe(false);
    expect(out.matches.map((m) => m.debunkId)).toEqual(['5g-spreads-coronavirus']);
    expect(out.matches[0]).toMatchObject({ phrase: '5G towers spread the coronavirus', excerpt: '5G towers spread the coronavirus' });
    expect(out.matches[0]!.score).toBeGreaterThanOrEqual(0.6);
    expect(out.actions.map((a) => [a.type, a.reason])).toEqual([
      ['log', 'incident'],
      ['reply_refutation', 'ladder_step'],
    ]);
    expect(out.actions[1]!.text).toContain('Viruses cannot travel on radio waves');
    expect(out.actions[1]!.reasonText).toBe("escalation ladder step for the member's active strikes");
    expect(out.withheld).toEqual([]);
    expect(out.strikes).toEqual({ before: 0, after: 1 });
    expect(out.explain.map((o) => [o.rule, o.fired, o.reason])).toEqual([
      ['threshold', true, 'at_act'],
      ['refuting', false, 'not_refuting'],
      ['edit', false, 'first_count'],
      ['exemption', false, 'not_exempt'],
      ['ladder', true, 'ladder_step'],
      ['repeat', false, 'first_in_window'],
    ]);
  });

  it('GIVEN - as the text THEN the message is read from stdin', () => {
    const out = checkJson(['-'], `${RUMOR}\n`);
    expect(out.matches.map((m) => m.debunkId)).toEqual(['5g-spreads-coronavirus']);
    expect(out.actions.map((a) => a.type)).toEqual(['log', 'reply_refutation']);
  });

  it('GIVEN a message that refutes the rumor THEN it is flagged refuting, logged and nobody is punished', () => {
    const out = checkJson(['Not true: 5G towers do not spread the coronavirus, the WHO debunked it']);
    expect(out.refuting).toBe(true);
    expect(out.refutingCues).toEqual(['not true', 'debunked', 'denies: do not']);
    expect(out.actions.map((a) => a.type)).toEqual(['log']);
    expect(out.strikes).toEqual({ before: 0, after: 0 });
    expect(out.explain.find((o) => o.rule === 'refuting')).toMatchObject({ fired: true, reason: 'refuting' });
  });

  it('GIVEN --admin THEN the member is exempt: no strike, the refutation is still shown', () => {
    const out = checkJson([RUMOR, '--admin', '--member', 'owner']);
    expect(out.strikes).toEqual({ before: 0, after: 0 });
    expect(out.actions.map((a) => a.type)).toEqual(['log', 'reply_refutation']);
    expect(out.explain.find((o) => o.rule === 'exemption')).toMatchObject({ fired: true, reason: 'exempt_admin' });
  });

  it('GIVEN small talk THEN nothing matches and nothing is done', () => {
    const out = checkJson(['good morning everyone']);
    expect(out).toMatchObject({ refuting: false, matches: [], actions: [], withheld: [] });
    expect(out.explain.map((o) => [o.rule, o.fired, o.reason])).toEqual([['threshold', false, 'no_match']]);
  });

  it('GIVEN --rules in observe mode THEN the reply is withheld with the reason, and the log is still done', () => {
    const rules = path.join(tmp, 'observe.yaml');
    writeFileSync(rules, readFileSync(path.join(REPO_ROOT, 'rules/default.yaml'), 'utf8').replace('mode: enforce', 'mode: observe'));
    const out = checkJson([RUMOR, '--rules', rules]);
    expect(out.actions.map((a) => a.type)).toEqual(['log']);
    expect(out.withheld.map((w) => [w.type, w.reason, w.withheldBecause])).toEqual([['reply_refutation', 'ladder_step', 'observe_mode']]);
  });

  it('GIVEN RULES_FILE set (as .env sets it for the bot) THEN check reads that rules file, so the dry run decides as the bot will', () => {
    const rules = path.join(tmp, 'observe-env.yaml');
    writeFileSync(rules, readFileSync(path.join(REPO_ROOT, 'rules/default.yaml'), 'utf8').replace('mode: enforce', 'mode: observe'));
    const run = runCli(['check', RUMOR, '--json'], { env: { RULES_FILE: rules } });
    expect(run.status, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { mode: string }).mode).toBe('observe');
  });

  it('GIVEN --batch naming a file that is not there, or a folder THEN one line saying so, no stack', () => {
    for (const [file, why] of [[path.join(tmp, 'none.jsonl'), 'no such file'], [tmp, 'it is a folder']] as const) {
      const run = check(['--batch', file]);
      expect(run.status).toBe(1);
      expect(run.stderr).toBe(`error: cannot read ${file}: ${why}\n`);
    }
  });

  it('GIVEN --batch with lines that cannot be read THEN each is named on stderr in plain words, the rest is checked, and the exit code is 1', () => {
    // Regression (QA L8): raw validator wording, and the skipped lines were easy to miss.
    const file = path.join(tmp, 'skipped.jsonl');
    writeFileSync(file, [JSON.stringify({ id: 'a', text: RUMOR }), JSON.stringify({ id: 'b' }), JSON.stringify({ text: 'x' })].join('\n'));
    const run = check(['--batch', file]);
    expect(run.status).toBe(1);
    expect(run.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['a']);
    expect(run.stderr).toBe(`${file}:2: missing "text"; line skipped\n${file}:3: missing "id"; line skipped\ncheck --batch: 2 line(s) skipped, 1 checked; exit code 1\n`);
    expect(runCli(['check', '--help']).stdout.replace(/\s+/g, ' ')).toContain('is named on stderr and skipped, and the exit code is then 1');
  });

  it('GIVEN --rules naming a bad file by its absolute path THEN the problem names it by that path', () => {
    // Regression (QA L9): an absolute path was shown relative to the working folder (../../tmp/…).
    const rules = path.join(tmp, 'rules-bad.yaml');
    const text = readFileSync(path.join(REPO_ROOT, 'rules/default.yaml'), 'utf8').replace('act: 0.8', 'act: 1.5');
    writeFileSync(rules, text);
    const run = check(['--rules', rules, RUMOR]);
    expect(run.status).toBe(1);
    const line = text.split('\n').findIndex((l) => l.includes('act: 1.5')) + 1;
    expect(run.stderr).toContain(`${rules}:${line}: thresholds.act: must be between 0 and 1\n`);
  });

  it('GIVEN --batch with a byte-order mark before the first line THEN the line is read', () => {
    const file = path.join(tmp, 'bom.jsonl');
    writeFileSync(file, `\uFEFF${JSON.stringify({ id: 'a', text: RUMOR })}\n`);
    const run = check(['--batch', file]);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ id: 'a', matches: [{ debunkId: '5g-spreads-coronavirus' }] });
  });

  it('GIVEN the text form THEN it shows matches, refuting, actions with the text to post, withheld and rules', () => {
    const run = check([RUMOR]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('  5g-spreads-coronavirus  score 1.00\n    matched claim "5G towers spread the coronavirus"\n');
    expect(run.stdout).toContain('\nStance: spread (urges: share this)\nRefuting: no\n');
    expect(run.stdout).toContain('\nWould do\n  log: every match at or above the suggest threshold is logged');
    expect(run.stdout).toContain('    | ℹ️ Fact check: this repeats a claim rated false.\n');
    expect(run.stdout).toContain('\nWithheld\n  (nothing)\n');
    expect(run.stdout).toContain('  yes  threshold  score is at or above the act threshold (score 1.00 ≥ 0.8)\n');
    expect(run.stdout).toContain('  no   refuting   the member passes the rumor on (no sign of refuting, asking or mocking): the ladder applies (spread: urges: share this)\n');
  });

  it('GIVEN a missing debunk folder and a broken rules file THEN every problem is printed with file:line and it exits 1', () => {
    const rules = path.join(tmp, 'broken.yaml');
    writeFileSync(rules, 'mode: enforce\nthresholds:\n  suggest: 2\n  act: 0.6\n');
    const run = check([RUMOR, '--dir', 'no/such/folder', '--rules', rules]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('no/such/folder: folder not found');
    expect(run.stderr).toMatch(/broken\.yaml:3: thresholds\.suggest: must be between 0 and 1/);
  });

  it('GIVEN a debunk whose refutation is in a language the bot does not speak THEN the folder is refused with file:line, and no French text is posted under the English header', () => {
    const dir = path.join(tmp, 'moon');
    mkdirSync(dir);
    const moon = (id: string, claim: string, refutation: string) =>
      `- id: ${id}\n  claim: ${claim}\n  verdict: "false"\n  refutation:\n    ${refutation}\n  sources:\n    - { title: NASA, url: "https://nasa.gov/" }\n  lang: en\n  published: 2020-01-01\n`;
    writeFileSync(
      path.join(dir, 'a.yaml'),
      moon('moon-cheese', 'The moon is made of green cheese', 'fr: La lune est faite de roche.') +
        moon('sun-cold', 'The sun is actually cold inside', 'zh: 太阳内部很热。'),
    );
    const run = check(['The moon is made of green cheese', '--dir', dir]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('moon/a.yaml:5 entry "moon-cheese": refutation.fr: unknown language "fr" (the bot speaks en, zh)');
  });
});
