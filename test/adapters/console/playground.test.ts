import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runPlayground } from '../../../adapters/console/playground.js';
import { loadDebunksSync } from '../../../src/debunks/loadDebunks.js';
import { Engine } from '../../../src/engine/engine.js';
import { FeedbackQueue } from '../../../src/feedback/feedbackQueue.js';
import { Moderator } from '../../../src/moderation/moderator.js';
import { Ledger } from '../../../src/ledger/ledger.js';
import { memoryLedgerBackend } from '../../../src/ledger/ledgerBackend.js';
import { Recorder } from '../../../src/ledger/recorder.js';
import { Spool } from '../../../src/ledger/spool.js';
import { loadSettingsFile } from '../../../src/rules/loadSettings.js';
import { memoryStore } from '../../../src/store/keyvStore.js';
import { ImageReader } from '../../../src/ocr/imageReader.js';
import type { ImageSkipHandler } from '../../../src/moderation/moderator.js';

const repo = path.resolve(import.meta.dirname, '../../..');

function engine(): Engine {
  const debunks = loadDebunksSync(path.join(repo, 'rules/debunks'));
  const rules = loadSettingsFile(path.join(repo, 'rules/default.yaml'));
  if (!debunks.ok || !rules.ok) throw new Error('the shipped rules and examples must load');
  return new Engine({ debunks: debunks.debunks, rules, store: memoryStore() });
}

/** Types lines into a fresh playground and returns everything it printed. */
async function play(lines: string[], images?: ImageReader, exportDir?: string, onSkipped?: ImageSkipHandler): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (c: Buffer) => (text += c.toString()));
  const ledger = new Ledger(memoryLedgerBackend());
  const spool = new Spool(path.join(mkdtempSync(path.join(tmpdir(), 'rg-play-')), 'spool.jsonl'));
  const moderator = new Moderator(engine(), new Recorder(ledger, spool), new FeedbackQueue(memoryStore()));
  if (images) moderator.readImagesWith(images, onSkipped);
  const done = runPlayground({ moderator, ledger, input, output, ...(exportDir ? { exportDir } : {}) });
  input.end(`${lines.join('\n')}\n`);
  await done;
  return text;
}

describe('console playground', () => {
  it('GIVEN /image with a screenshot THEN the text read is shown and the rumor in it answered; a missing file is said plainly', async () => {
    // The OCR itself is tested in test/ocr/ with tesseract.js; here the picture "says" the rumor.
    const reads = new ImageReader({ slots: 1, recognize: async () => ({ ok: true, text: 'BREAKING\nEating garlic prevents infection\nwith the coronavirus' }), close: async () => undefined });
    const image = path.join(repo, 'test/fixtures/images/rumor-en.png');
    const out = await play([`/image ${image} look at this`, '/image /no/such/file.png'], reads);
    expect(out).toContain('(text in the picture: BREAKING Eating garlic prevents infection with the coronavirus)');
    expect(out).toMatch(/\[ledger\] garlic-prevents-infection/);
    expect(out).toContain('(no picture posted: there is no file /no/such/file.png)');
    expect(await play([`/image ${image}`])).toContain('(pictures are not read: OCR is off (OCR=off) or not installed)');
  });

  // QA: a mistyped path printed the operator's JSON log line ("picture skipped") in the middle of the chat.
  it('GIVEN /image of a file that is not there, or a folder THEN the chat says so, nothing is posted and nothing goes to the skipped-picture log', async () => {
    const reads = new ImageReader({ slots: 1, recognize: async () => ({ ok: true, text: '' }), close: async () => undefined });
    const skipped: string[] = [];
    const out = await play(['/image /nonexistent.png hello', `/image ${repo} hello`, '/why'], reads, undefined, (_m, source) => skipped.push(source.label));
    expect(out).toContain('  (no picture posted: there is no file /nonexistent.png)\n');
    expect(out).toContain(`  (no picture posted: ${repo} is not a file)\n`);
    expect(out).not.toContain('(nothing to do)');
    expect(out).toContain('(no message yet)');
    expect(skipped).toEqual([]);
  });

  it('GIVEN a rumor in traditional Chinese THEN the bot replies with the Chinese refutation, in traditional characters, and logs it', async () => {
    const out = await play(['上海海灘走失的4歲女孩其實是被家人故意遺棄的']);
    expect(out).toMatch(/\[ledger\] shanghai-beach-girl-abandoned, score 1\.00/);
    expect(out).toMatch(/闢謠提示/);
    expect(out).toMatch(/alice now has 1 active strike/);
  });

  it('GIVEN small talk THEN nothing happens', async () => {
    expect(await play(['good morning everyone'])).toMatch(/\(nothing to do\)/);
  });

  it('GIVEN a second member repeating the rumor at once THEN a pointer to the first reply, not a second refutation', async () => {
    const out = await play(['5G towers spread the coronavirus', '/as bob', 'The coronavirus travels through 5G radio waves']);
    expect(out.match(/Fact check:/g)).toHaveLength(1);
    expect(out).toMatch(/answered just now: console#\w+-1\n/);
  });

  it('GIVEN a member who is not the admin THEN /rg is refused; GIVEN the owner THEN it changes the settings', async () => {
    const out = await play(['/rg mode observe', '/as owner', '/rg enable warn', '/as alice', '5G towers spread the coronavirus', '5G towers spread the coronavirus']);
    expect(out).toMatch(/Only group admins can configure RumorGuard\./);
    expect(out).toMatch(/OK: enabled warn/);
    expect(out).toMatch(/RumorGuard warns alice:/);
  });

  it('GIVEN a group set to Chinese THEN the owner\'s commands are answered in Chinese, as on the platforms (they were English)', async () => {
    const out = await play(['/as owner', '/rg lang zh', '/rg mode enforce', '/rg mode observe']);
    expect(out).toContain('本群已经是执行模式。');
    expect(out).toContain('好的：模式已设为观察');
  });

  it('GIVEN defaults THEN warnings are decided but not done until enabled', async () => {
    const out = await play(['5G towers spread the coronavirus', '5G towers spread the coronavirus']);
    expect(out).toMatch(/not done: warn — this action is not enabled for the group/);
  });

  it('GIVEN /why THEN every rule considered is listed', async () => {
    const out = await play(['5G towers spread the coronavirus', '/why']);
    expect(out).toMatch(/✔ threshold: score is at or above the act threshold/);
    expect(out).toMatch(/· refuting: the member passes the rumor on \(no sign of refuting, asking or mocking\): the ladder applies/);
  });

  it('GIVEN a harmless message edited into a rumor THEN the edit is checked like a new message', async () => {
    const out = await play(['hello there', '/edit 5G towers spread the coronavirus']);
    expect(out).toMatch(/alice now has 1 active strike/);
  });

  it('GIVEN a rumor and an admin change THEN /ledger shows both, chained and verified', async () => {
    const out = await play(['5G towers spread the coronavirus', '/as owner', '/rg mode observe', '/ledger']);
    // The incident, the outcome of its reply, the admin change.
    expect(out).toMatch(/ledger OK: 3 entries/);
    expect(out).toMatch(/#1 \S+ alice: 5g-spreads-coronavirus \(reply_refutation done\)/);
    expect(out).toMatch(/#3 \S+ owner: mode observe/);
  });

  it('GIVEN a member report and a "not a rumor" dispute THEN the owner sees both in the queue AND a decision is in the ledger', async () => {
    const out = await play([
      'the school closes for a week because of a gas leak',
      '/as bob',
      '/report this is made up',
      '/as carol',
      '5G towers spread the coronavirus',
      '/notrumor I was quoting it to ask',
      '/as owner',
      '/rg queue',
    ]);
    expect(out).toMatch(/Thanks, bob: the admins will look at it \(item (\w+)\)/);
    expect(out).toMatch(/\w+ report by bob on message \S+: this is made up/);
    const dispute = /(\w+) not a rumor by carol on message \S+ \(5g-spreads-coronavirus\): I was quoting it to ask/.exec(out);
    expect(dispute).not.toBeNull();
    const after = await play(['/as alice', '/report', '/as owner', '/rg queue']);
    expect(after).toMatch(/\(no message to report yet\)/);
    expect(after).toMatch(/The queue is empty\./);
  });

  // QA M7: ben's dispute was filed against cat's refutation, posted after his struck message.
  it('GIVEN a member disputing after someone else\'s matched message THEN the dispute is about their own latest matched message; one with none is told so', async () => {
    const out = await play([
      '/as ben',
      'Forwarded from Family Group: URGENT!!! 5G towers spread the coronavirus, share with everyone',
      '/as cat',
      'Eating garlic does NOT prevent infection with the coronavirus, that is a myth',
      '/as dan',
      '/notrumor',
      '/as ben',
      "/notrumor it's true my neighbour confirmed",
      '/as owner',
      '/rg queue',
    ]);
    expect(out).toContain('(dan has no matched message to dispute yet)');
    // Ben's own message (the chat's first, id …-1), not cat's refutation (…-2) after it.
    expect(out).toMatch(/\w+ not a rumor by ben on message \S+-1 \(5g-spreads-coronavirus\): it's true my neighbour confirmed/);
  });

  it('GIVEN a group set to Chinese THEN /rg export is answered in Chinese, the report is written in Chinese, and a member\'s /rg export, /rg incidents and /rg dashboard are refused in Chinese', async () => {
    // Regression (QA M5): "Management report written to …", an English report, "Only group admins can use /rg export".
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'rg-play-')), 'exports');
    const out = await play(['/as owner', '/rg lang zh', '/rg export', '/as 小红', '/rg export', '/rg incidents', '/rg dashboard'], undefined, dir);
    const [, file] = /管理报告已写入 (\S+)：共 1 条账本记录，哈希链校验通过。/.exec(out) ?? [];
    expect(file).toBeDefined();
    expect(readFileSync(file!, 'utf8')).toMatch(/^# RumorGuard 管理报告：Playground（群 console）\n/);
    for (const command of ['export', 'incidents', 'dashboard']) expect(out).toContain(`  只有群管理员可以使用 /rg ${command}。（请先以“owner”的身份发言：/as owner）\n`);
    expect(out).not.toMatch(/Only group admins|Management report/);
  });

  it('GIVEN language auto AND a member who writes Chinese THEN their /rg refusals are Chinese, and /rg settings shows them the settings', async () => {
    // Regression (QA M5, L14): "Only group admins can configure RumorGuard." for a member who only looked at the settings, in English.
    const out = await play(['/as 小红', '大家晚上好，今天的作业写完了吗', '/rg export', '/rg mode observe', '/rg settings']);
    expect(out).toContain('  只有群管理员可以使用 /rg export。');
    expect(out).toContain('  只有群管理员可以设置 RumorGuard。\n');
    expect(out).toContain('  模式：执行；语言：自动（跟随每条消息）\n');
    expect(out).not.toMatch(/Only group admins/);
  });

  it('GIVEN /rg exempt of a member who has posted and of one never seen THEN both are exempted, and the second answer says the bot has not seen them', async () => {
    // Regression (QA L4): "OK: exempted nobody_here", with no sign of a mistyped name.
    const out = await play(['/as bob', 'hello all', '/as owner', '/rg exempt bob', '/rg exempt nobody_here', '/rg pardon ghost']);
    expect(out).toContain('  OK: exempted bob\n');
    expect(out).toContain('  OK: exempted nobody_here (RumorGuard has not seen nobody_here in this group yet: check the id if you did not mean to exempt them in advance)\n');
    expect(out).toContain('  ghost has no active strikes: nothing changed.\n');
  });

  it('GIVEN /rg export and /rg incidents THEN the owner gets the verified report as a file and the latest incidents; a member is refused', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'rg-play-')), 'exports');
    const out = await play(['/rg export', '5G towers spread the coronavirus', '/as owner', '/rg help', '/rg incidents', '/rg incidents 0', '/rg export', '/rg export', '/ledger'], undefined, dir);
    expect(out).toContain('Only group admins can use /rg export');
    expect(out).toMatch(/\/rg incidents \[n\] +the latest incidents/);
    expect(out).toMatch(/\/rg export +the management report/);
    expect(out).not.toMatch(/\/rg alerts/);
    expect(out).toMatch(/#1 \d{4}-\d\d-\d\d \d\d:\d\d alice → 5g-spreads-coronavirus \(1\.00\), strike 1: refutation/);
    expect(out).toContain('Use /rg incidents [n], n a whole number from 1.');
    // Two reports the same day: the second does not overwrite the first.
    const written = [...out.matchAll(/Management report written to (\S+): (\d+) ledger entries, chain verified\./g)];
    expect(written).toHaveLength(2);
    expect(written[1]![1]).not.toBe(written[0]![1]);
    const report = readFileSync(written[0]![1]!, 'utf8');
    expect(report).toContain('# RumorGuard management report: Playground (group console)');
    expect(report).toMatch(/Ledger chain verified: \d+ entries/);
    expect(report).toContain('5g-spreads-coronavirus');
    // Each export is an admin action in the ledger, as on the chat platforms.
    expect(out).toMatch(/owner: ledger report exported \(\d+ entries\)/);
  });

  // QA: the playground passed no unmute, so a pardon said nothing of the mute the platforms lift.
  it('GIVEN a member muted in the playground WHEN the owner pardons them THEN the mute is lifted and the answer says so, once', async () => {
    const rumor = '5G towers spread the coronavirus';
    const out = await play(['/as owner', '/rg enable warn', '/rg enable mute', '/as bob', rumor, rumor, rumor, '/as owner', '/rg pardon carol', '/rg pardon bob', '/rg pardon bob', '/ledger']);
    expect(out).toMatch(/\[mute\] bob is muted for 1 hour/);
    expect(out).toContain('  OK: removed 3 strike(s) of bob\n  Their mute is lifted.\n');
    // Nothing left to lift: a second pardon, and one of a member never muted, say nothing of a mute.
    expect(out.match(/Their mute is lifted\./g)).toHaveLength(1);
    expect(out).not.toMatch(/carol[^\n]*\n  Their mute/);
    expect(out).toMatch(/owner: pardoned bob \(3\); mute lifted/);
  });

  // QA: a second report of the same message answered "(not queued: duplicate)".
  it.each([
    { given: 'a member reporting a message twice', lines: ['hello there', '/as bob', '/report', '/report'], answer: 'You reported this message already.' },
    { given: 'a member disputing a match twice', lines: ['/as bob', '5G towers spread the coronavirus', '/notrumor', '/notrumor'], answer: 'You disputed this match already.' },
    { given: 'a member reporting twice in Chinese', lines: ['hello there', '/as bob', '/report 这是谣言', '/report 这是谣言'], answer: '你已经举报过这条消息。' },
    { given: 'a group set to Chinese', lines: ['hello there', '/as owner', '/rg lang zh', '/as bob', '/report', '/report'], answer: '你已经举报过这条消息。' },
  ])('GIVEN $given THEN the second answer is a plain sentence, not a code', async ({ lines, answer }) => {
    const out = await play(lines);
    expect(out).toContain(`\n  ${answer}\n`);
    expect(out).not.toMatch(/not queued|duplicate/);
  });

  // QA: "/edit" or "/as" alone was posted as a chat message.
  it('GIVEN /as, /edit or /image without what they need THEN their usage, and nothing is posted', async () => {
    const out = await play(['/as', '/as bob smith', '/edit', '/edit   ', '/image', '/why', 'hello']);
    expect(out).toContain('  Use /as <name> (one word): speak as another member.\n');
    expect(out.match(/ {2}Use \/edit <text>: edit your last message\.\n/g)).toHaveLength(2);
    expect(out).toContain('  Use /image <file> [caption]: post a picture.\n');
    expect(out).toContain('(no message yet)');
    expect(out).not.toContain('you are now');
    // Only "hello", as alice, was posted.
    expect(out.match(/\(nothing to do\)/g)).toHaveLength(1);
  });

  it('GIVEN /quit THEN later lines are not read', async () => {
    const out = await play(['/quit', '5G towers spread the coronavirus']);
    expect(out).not.toMatch(/5g-spreads-coronavirus/);
  });
});

describe('npm start with no configuration', () => {
  const tsx = path.join(repo, 'node_modules/.bin/tsx');
  const cli = path.join(repo, 'adapters/cli.ts');

  it('GIVEN no tokens THEN it opens the playground and the dashboard, says how to connect a platform and how to log in, and answers on stdout', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'rg-start-'));
    // An empty .env in a fresh folder: nothing configured; data files come from the repo.
    writeFileSync(path.join(cwd, '.env'), '');
    const run = promisify(execFile)(tsx, [cli, 'start'], {
      cwd,
      env: {
        ...process.env,
        DEBUNKS_DIR: path.join(repo, 'rules/debunks'),
        RULES_FILE: path.join(repo, 'rules/default.yaml'),
        DISCORD_TOKEN: '',
        TELEGRAM_BOT_TOKEN: '',
        // Any free port: tests run side by side.
        DASHBOARD_PORT: '0',
      },
    });
    run.child.stdin!.end('5G towers spread the coronavirus\n/as owner\n/rg dashboard\n');
    const { stdout } = await run;
    expect(stdout).toMatch(/To connect a real group, put DISCORD_TOKEN or TELEGRAM_BOT_TOKEN in \.env/);
    expect(stdout).toMatch(/^Dashboard: http:\/\/127\.0\.0\.1:\d+\. Log in as the group's owner with http:\/\/127\.0\.0\.1:\d+\/login\/[\w-]{43} \(works once, for 10 minutes\); for another link type \/as owner, then \/rg dashboard\.$/m);
    expect(stdout).toMatch(/Dashboard login link \(works once, for 10 minutes\): http:\/\/127\.0\.0\.1:\d+\/login\/[\w-]{43}/);
    expect(stdout).toMatch(/\[ledger\] 5g-spreads-coronavirus/);
  });

  it('GIVEN a second start in the same folder THEN strikes and the ledger are still there (embedded SQLite store)', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'rg-start-'));
    const env: NodeJS.ProcessEnv = { ...process.env, DEBUNKS_DIR: path.join(repo, 'rules/debunks'), RULES_FILE: path.join(repo, 'rules/default.yaml'), DASHBOARD_PORT: 'off' };
    delete env.STORE_URL;
    delete env.SPOOL_FILE;
    for (const expected of [/alice now has 1 active strike/, /alice now has 2 active strike[\s\S]*ledger OK: 4 entries[\s\S]*#3 \S+ alice: 5g-spreads-coronavirus \(pointer done, warn withheld\)/]) {
      const run = promisify(execFile)(tsx, [cli, 'start'], { cwd, env });
      run.child.stdin!.end('5G towers spread the coronavirus\n/ledger\n');
      expect((await run).stdout).toMatch(expected);
    }
  });

  it('GIVEN a broken debunk folder and rules file THEN it exits 1 naming both problems', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'rg-start-'));
    writeFileSync(path.join(cwd, 'rules.yaml'), 'mode: sometimes\n');
    const run = promisify(execFile)(tsx, [cli, 'start'], {
      cwd,
      env: { ...process.env, DEBUNKS_DIR: 'no-such-folder', RULES_FILE: 'rules.yaml' },
    });
    run.child.stdin!.end();
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/no-such-folder: folder not found[\s\S]*rules\.yaml:1: mode: must be one of observe, enforce/),
    });
  });
});
