import { describe, expect, it } from 'vitest';
import { adminHelp, runAdminCommand } from '../../src/commands/adminCommands.js';
import { Engine } from '../../src/engine/engine.js';
import { stateKeys } from '../../src/engine/stateKeys.js';
import { FeedbackQueue } from '../../src/feedback/feedbackQueue.js';
import type { LedgerRecord } from '../../src/ledger/ledgerRecord.js';
import { Moderator } from '../../src/moderation/moderator.js';
import { memoryStore } from '../../src/store/keyvStore.js';
import { DEBUNKS, DEFAULT_RULES, harness, MINUTE, typesOf } from '../engine/harness.js';

const OWNER = { id: 'o1', name: 'Owner', isAdmin: true };
const BAD = 'That argument is not valid here.';

/** A moderator without review (the `/rg` settings commands alone) whose ledger is a list. */
function world() {
  const store = memoryStore();
  const engine = new Engine({ debunks: DEBUNKS, rules: DEFAULT_RULES, store });
  const records: LedgerRecord[] = [];
  const moderator = new Moderator(engine, { record: async (r) => (records.push(r), { waiting: 0 }) as never });
  const command = (text: string, lang: 'en' | 'zh' = 'en') => moderator.onAdminCommand('test', 'g-1', OWNER, text, lang);
  return { engine, store, records, command };
}

describe('/rg enable|disable switches only the actions the list really switches', () => {
  const POINTER = `${BAD} pointer cannot be switched on its own: pointers go with reply_refutation. To stop them: /rg repeat 10 silent (the same rumor again within 10 min gets nothing); to send them again: /rg repeat 10 pointer.`;
  const SOFT = `${BAD} suggest_check cannot be switched on its own: soft replies ("you may want to check this") go with reply_refutation. Use /rg softreply on|off.`;
  const LOG = `${BAD} log is always on: every incident is recorded in the ledger, and that cannot be turned off.`;

  it.each([
    ['/rg disable pointer', POINTER],
    ['/rg enable pointer', POINTER],
    ['/rg disable suggest_check', SOFT],
    ['/rg enable suggest_check', SOFT],
    ['/rg disable log', LOG],
    ['/rg enable log', LOG],
    // One action the list does not switch refuses the whole command, as one unknown word does.
    ['/rg disable warn,pointer', POINTER],
  ])('GIVEN %s THEN it is refused with what does it instead, and nothing changes or is ledgered', async (command, reply) => {
    // Regression (QA): "OK: disabled pointer", and pointers kept being sent.
    const { engine, records, command: run } = world();
    await run('/rg enable warn');
    const before = await engine.settingsFor('g-1');
    expect(await run(command)).toEqual({ ok: false, error: 'bad_argument', reply });
    expect(await engine.settingsFor('g-1')).toEqual(before);
    expect(records.map((r) => r.type === 'admin' && r.detail)).toEqual(['enabled warn']);
  });

  it('GIVEN a group whose repeat window is 45 minutes THEN the pointer answer names the commands with 45', async () => {
    const h = harness();
    await runAdminCommand(h.engine, 'g-1', OWNER, '/rg repeat 45');
    expect((await runAdminCommand(h.engine, 'g-1', OWNER, '/rg disable pointer')).reply).toContain('/rg repeat 45 silent');
  });

  it('GIVEN the answer\'s advice /rg repeat 10 silent THEN the rumor posted again within the window gets no pointer', async () => {
    // The answer must be true: what it names really stops the pointers "/rg disable pointer" did not.
    const h = harness();
    await h.post({ member: { id: 'm-1', name: 'Alice' } });
    h.advance(2 * MINUTE);
    expect(typesOf((await h.post({ member: { id: 'm-2', name: 'Bob' } })).actions)).toEqual(['log', 'pointer']);
    expect(await runAdminCommand(h.engine, 'g-1', OWNER, '/rg repeat 10 silent')).toMatchObject({ ok: true });
    h.advance(2 * MINUTE);
    expect(typesOf((await h.post({ member: { id: 'm-3', name: 'Carol' } })).actions)).toEqual(['log']);
  });

  it('GIVEN an unknown action THEN the answer lists only the switchable actions, the same ones /rg help lists', async () => {
    // Regression (QA): the error listed all eight action types, /rg help five.
    const h = harness();
    const r = await runAdminCommand(h.engine, 'g-1', OWNER, '/rg enable foo');
    expect(r).toEqual({ ok: false, error: 'bad_argument', reply: `${BAD} Actions: reply_refutation, warn, delete, mute, alert_owners.` });
    expect(adminHelp('en').find((line) => line.startsWith('/rg enable|disable'))).toContain('actions: reply_refutation, warn, delete, mute, alert_owners');
    expect(adminHelp('zh').find((line) => line.startsWith('/rg enable|disable'))).toContain('处理：reply_refutation、warn、delete、mute、alert_owners');
  });

  it.each(['reply_refutation', 'warn', 'delete', 'mute', 'alert_owners'])('GIVEN /rg enable then /rg disable %s THEN the group\'s actions hold it, then not', async (action) => {
    const h = harness();
    expect(await runAdminCommand(h.engine, 'g-1', OWNER, `/rg disable ${action}`)).toMatchObject({ ok: true });
    expect((await h.engine.settingsFor('g-1')).enabledActions).not.toContain(action);
    expect(await runAdminCommand(h.engine, 'g-1', OWNER, `/rg enable ${action}`)).toMatchObject({ ok: true });
    expect((await h.engine.settingsFor('g-1')).enabledActions).toContain(action);
  });

  it('GIVEN /rg disable pointer and /rg enable log in a Chinese group THEN the answers are Chinese', async () => {
    const h = harness();
    expect((await runAdminCommand(h.engine, 'g-1', OWNER, '/rg disable pointer', undefined, 'zh')).reply).toBe(
      '参数无效。 pointer 不能单独开关：简短指引随 reply_refutation 一起发送。要停止：/rg repeat 10 silent（10 分钟内再出现同一谣言不再回复）；要恢复：/rg repeat 10 pointer。',
    );
    expect((await runAdminCommand(h.engine, 'g-1', OWNER, '/rg enable log', undefined, 'zh')).reply).toBe('参数无效。 log 始终开启：每个事件都会记录在账本中，无法关闭。');
    expect((await runAdminCommand(h.engine, 'g-1', OWNER, '/rg enable foo', undefined, 'zh')).reply).toBe('参数无效。 可用的处理：reply_refutation, warn, delete, mute, alert_owners。');
  });
});

describe('/rg commands that take a number take a plain decimal one, and say how when it is not', () => {
  async function queueOfOne() {
    const h = harness();
    const feedback = new FeedbackQueue(memoryStore());
    await feedback.add({ kind: 'report', groupId: 'g-1', messageId: 'msg-1', by: { id: 'm-1', name: 'Alice' }, note: '' });
    return { h, feedback };
  }

  it.each(['/rg queue abc', '/rg queue 0', '/rg queue -1', '/rg queue 1.5', '/rg queue 0x1', '/rg queue 1e0', '/rg queue 1 2'])(
    'GIVEN one item in the queue AND %s THEN the usage, not "page NaN"',
    async (command) => {
      // Regression (QA): "/rg queue abc" answered "There is no page NaN: the queue has 1 page(s)."
      const { h, feedback } = await queueOfOne();
      expect(await runAdminCommand(h.engine, 'g-1', OWNER, command, feedback)).toEqual({
        ok: false,
        error: 'bad_argument',
        reply: `${BAD} Use /rg queue [page], page a whole number from 1.`,
      });
    },
  );

  it('GIVEN one item in the queue AND /rg queue 1 or /rg queue THEN the item is listed; in Chinese a bad page gets the Chinese usage', async () => {
    const { h, feedback } = await queueOfOne();
    for (const command of ['/rg queue 1', '/rg queue']) {
      expect((await runAdminCommand(h.engine, 'g-1', OWNER, command, feedback)).reply).toContain('report by Alice on message msg-1');
    }
    expect((await runAdminCommand(h.engine, 'g-1', OWNER, '/rg queue abc', feedback, 'zh')).reply).toBe('参数无效。 用法：/rg queue [页码]，页码为从 1 开始的整数。');
  });

  it.each(['/rg repeat 0x10', '/rg repeat 1e1', '/rg repeat -5', '/rg repeat 99999', '/rg repeat', '/rg repeat abc pointer', '/rg repeat 10 loud', '/rg repeat 10 silent now'])(
    'GIVEN %s THEN the usage in a plain sentence, and nothing changes',
    async (command) => {
      // Regression (QA): "0x10" was taken as 16 minutes; "-5" answered "repeat.windowMinutes: Too small: expected number to be >=0".
      const h = harness();
      const before = await h.engine.settingsFor('g-1');
      expect(await runAdminCommand(h.engine, 'g-1', OWNER, command)).toEqual({
        ok: false,
        error: 'bad_argument',
        reply: `${BAD} Use /rg repeat <minutes> [pointer|silent], minutes a number from 0 to 10080 (a week).`,
      });
      expect(await h.engine.settingsFor('g-1')).toEqual(before);
    },
  );

  it.each([
    ['/rg repeat 16', 16],
    ['/rg repeat 0', 0],
    ['/rg repeat 2.5 silent', 2.5],
    ['/rg repeat 10080', 10080],
  ])('GIVEN %s THEN the window is %s minutes', async (command, minutes) => {
    const h = harness();
    expect(await runAdminCommand(h.engine, 'g-1', OWNER, command)).toMatchObject({ ok: true });
    expect((await h.engine.settingsFor('g-1')).repeat.windowMinutes).toBe(minutes);
  });

  it.each(['/rg pardon m-1 0x1', '/rg pardon m-1 1e0', '/rg pardon m-1 1.0', '/rg pardon m-1 -1', '/rg pardon m-1 0'])(
    'GIVEN a member with a strike AND %s THEN the usage, and the strike stays',
    async (command) => {
      const h = harness();
      await h.post();
      expect(await runAdminCommand(h.engine, 'g-1', OWNER, command)).toEqual({ ok: false, error: 'bad_argument', reply: `${BAD} Use /rg pardon <member id> [count].` });
      expect(await h.engine.strikesOf('g-1', 'm-1')).toHaveLength(1);
      expect(await runAdminCommand(h.engine, 'g-1', OWNER, '/rg pardon m-1 1')).toMatchObject({ ok: true, change: { summary: 'pardoned m-1 (1)' } });
    },
  );
});

describe('/rg setting commands that change nothing say so, and record nothing', () => {
  it('GIVEN /rg mode enforce in enforce mode, twice THEN "already", no ledger entry, and no mode pinned in the group\'s stored settings', async () => {
    // Regression (QA): "OK: mode enforce" twice, and two identical admin entries in the ledger.
    const { store, records, command } = world();
    for (let i = 0; i < 2; i++) expect(await command('/rg mode enforce')).toEqual({ ok: true, reply: 'The group is in enforce mode already.' });
    expect(records).toEqual([]);
    // Stored, "enforce" would stay the group's mode when the rules file's default changes.
    expect(await store.get(stateKeys.settings('g-1'))).not.toHaveProperty('mode');
  });

  it('GIVEN /rg mode observe twice THEN one change, one ledger entry; the second answer says it is so already', async () => {
    const { engine, records, command } = world();
    expect(await command('/rg mode observe')).toMatchObject({ ok: true, reply: 'OK: mode observe', change: { action: 'mode' } });
    expect(await command('/rg mode observe')).toEqual({ ok: true, reply: 'The group is in observe mode already.' });
    expect(records.map((r) => r.type === 'admin' && r.detail)).toEqual(['mode observe']);
    expect((await engine.settingsFor('g-1')).mode).toBe('observe');
  });

  it.each([
    ['/rg enable warn', 'Already enabled: warn.'],
    ['/rg enable warn,mute', 'Already enabled: warn, mute.'],
    ['/rg disable reply_refutation', 'Not enabled: reply_refutation; nothing to change.'],
    // Answered in the language it sets.
    ['/rg language zh', '已经如此：语言已设为中文。无需更改。'],
    ['/rg softreply on', 'Already so: soft replies on. Nothing changed.'],
    ['/rg images off', 'Already so: text in pictures not read. Nothing changed.'],
    ['/rg repeat 20 silent', 'Already so: repeat window 20 min, then silent. Nothing changed.'],
    ['/rg threshold act 0.7', 'Already so: act threshold 0.7. Nothing changed.'],
    ['/rg threshold 0.7 0.5', 'Already so: act threshold 0.7, suggest threshold 0.5. Nothing changed.'],
    ['/rg exempt bob', 'bob is exempt already.'],
  ])('GIVEN %s run twice THEN the second says "%s" and only the first is ledgered', async (commandText, already) => {
    const { records, command } = world();
    const first = await command(commandText);
    expect(first).toMatchObject({ ok: true, change: {} });
    expect(await command(commandText)).toEqual({ ok: true, reply: already });
    expect(records).toHaveLength(1);
  });

  it('GIVEN the defaults THEN /rg softreply off, /rg images on and /rg disable delete change nothing and record nothing', async () => {
    const { records, command } = world();
    expect(await command('/rg softreply off')).toEqual({ ok: true, reply: 'Already so: soft replies off. Nothing changed.' });
    expect(await command('/rg images on')).toEqual({ ok: true, reply: 'Already so: text in pictures read. Nothing changed.' });
    expect(await command('/rg disable delete')).toEqual({ ok: true, reply: 'Not enabled: delete; nothing to change.' });
    expect(records).toEqual([]);
  });

  it('GIVEN a command that changes nothing in a Chinese group THEN the answer is Chinese', async () => {
    const { command } = world();
    expect((await command('/rg mode enforce', 'zh')).reply).toBe('本群已经是执行模式。');
    expect((await command('/rg enable reply_refutation', 'zh')).reply).toBe('已经启用：辟谣回复。');
    expect((await command('/rg disable mute', 'zh')).reply).toBe('未启用：禁言，无需更改。');
    expect((await command('/rg softreply off', 'zh')).reply).toBe('已经如此：温和提示已关闭。无需更改。');
  });
});

describe('/rg answers in Chinese name modes, languages, actions and strikes in Chinese', () => {
  it('GIVEN a Chinese group AND /rg mode, /rg lang, /rg disable and /rg settings THEN the values are Chinese words, not identifiers', async () => {
    // Regression (QA M5): "模式：observe；语言：zh", "已停用 reply_refutation".
    const { command } = world();
    expect((await command('/rg mode observe', 'zh')).reply).toBe('好的：模式已设为观察');
    expect((await command('/rg lang zh', 'zh')).reply).toBe('好的：语言已设为中文');
    expect((await command('/rg disable reply_refutation', 'zh')).reply).toBe('好的：已停用辟谣回复');
    const settings = (await command('/rg settings', 'zh')).reply.split('\n');
    expect(settings[0]).toBe('模式：观察；语言：中文');
    expect(settings).toContain('已启用的处理：记录');
  });

  it('GIVEN a member with two strikes, one of which brought a warning THEN /rg strikes, /rg pardon and /rg settings call strikes 违规记录, never 警告', async () => {
    // Regression (QA M6): "小明：当前 2 次警告" for one warning and two strikes.
    const h = harness();
    await h.post();
    h.advance(11 * MINUTE);
    await h.post();
    const run = (text: string) => runAdminCommand(h.engine, 'g-1', OWNER, text, undefined, 'zh');
    expect((await run('/rg strikes m-1')).reply.split('\n')[0]).toBe('m-1：当前有 2 条违规记录');
    expect((await run('/rg settings')).reply).toContain('违规记录 30 天后失效');
    expect((await run('/rg pardon m-1 1')).reply).toBe('好的：已撤销 m-1 的 1 条违规记录');
    // 警告 is the ladder's warning step, and only that.
    expect((await run('/rg settings')).reply).toMatch(/升级阶梯：1\. 辟谣回复；2\. 辟谣回复 \+ 警告；/);
  });
});

describe('/rg pardon, /rg exempt: a member with nothing to pardon, a member never seen', () => {
  it('GIVEN a member without strikes AND /rg pardon THEN the answer says so plainly, and nothing is changed or ledgered', async () => {
    // Regression (QA L4): "OK: removed 0 strike(s) of ghost" looked like success after a typo.
    const { records, command } = world();
    expect(await command('/rg pardon ghost')).toEqual({ ok: true, reply: 'ghost has no active strikes: nothing changed.' });
    expect(await command('/rg pardon ghost 3', 'zh')).toEqual({ ok: true, reply: 'ghost 目前没有有效的违规记录，无需撤销。' });
    expect(records).toEqual([]);
  });

  it('GIVEN /rg exempt of a member the platform has not seen THEN they are exempted and ledgered, and the answer says the bot has not seen them yet', async () => {
    const engine = new Engine({ debunks: DEBUNKS, rules: DEFAULT_RULES, store: memoryStore() });
    const records: LedgerRecord[] = [];
    const moderator = new Moderator(engine, { record: async (r) => (records.push(r), { waiting: 0 }) as never });
    const seen = (id: string) => id === 'carol';
    const exempt = (member: string, lang: 'en' | 'zh' = 'en') => moderator.onAdminCommand('test', 'g-1', OWNER, `/rg exempt ${member}`, lang, undefined, [], undefined, seen);
    expect((await exempt('nobody_here')).reply).toBe(
      'OK: exempted nobody_here (RumorGuard has not seen nobody_here in this group yet: check the id if you did not mean to exempt them in advance)',
    );
    expect((await exempt('carol')).reply).toBe('OK: exempted carol');
    expect((await exempt('新人', 'zh')).reply).toBe('好的：新人 已设为豁免成员（RumorGuard 在本群还没有见过 新人：如果不是有意提前豁免，请核对成员 ID）');
    expect((await engine.settingsFor('g-1')).exemptions.members).toEqual(['nobody_here', 'carol', '新人']);
    expect(records.map((r) => r.type === 'admin' && r.detail)).toEqual(['exempted nobody_here', 'exempted carol', 'exempted 新人']);
  });
});

describe('/rg repeat 0 and /rg threshold answer say what really happens', () => {
  it('GIVEN /rg repeat 0 THEN the answer and /rg settings say every repeat gets the full refutation (no pointers in a window of no length)', async () => {
    // Regression (QA L5): "窗口内同一谣言再出现时只发简短指引" for a zero-minute window.
    const { command } = world();
    expect(await command('/rg repeat 0')).toMatchObject({
      ok: true,
      reply: 'OK: repeat window 0 min: the same rumor gets the full refutation every time',
      change: { summary: 'repeat window 0 min: every repeat gets the full refutation' },
    });
    expect((await command('/rg settings')).reply).toContain('strikes decay after 30 days; repeat window 0 min: the same rumor gets the full refutation every time');
    expect((await command('/rg settings', 'zh')).reply).toContain('重复窗口为 0 分钟：同一谣言每次出现都会收到完整的辟谣回复');
  });

  it('GIVEN /rg repeat 0 THEN the same rumor posted again a minute later gets the refutation in full, not a pointer', async () => {
    const h = harness();
    expect(await runAdminCommand(h.engine, 'g-1', OWNER, '/rg repeat 0')).toMatchObject({ ok: true });
    await h.post();
    h.advance(MINUTE);
    expect(typesOf((await h.post({ member: { id: 'm-2', name: 'Bob' } })).actions)).toContain('reply_refutation');
  });

  it.each([
    ['/rg threshold answer 0.2', 'en', `${BAD} The answer threshold must be between 0.4 (the suggest threshold) and 0.8 (the act threshold): questions are answered from the suggest threshold at the lowest and the act threshold at the highest, so 0.2 would change nothing.`],
    ['/rg threshold answer 0.9', 'en', `${BAD} The answer threshold must be between 0.4 (the suggest threshold) and 0.8 (the act threshold): questions are answered from the suggest threshold at the lowest and the act threshold at the highest, so 0.9 would change nothing.`],
    ['/rg threshold answer 0.2', 'zh', '参数无效。 回答提问的阈值必须在 0.4（提示阈值）到 0.8（处理阈值）之间：提问最低从提示阈值起回答，最高从处理阈值起回答，设为 0.2 不会有任何作用。'],
    // QA: these named the settings' fields ("thresholds.suggest: must not be above thresholds.act"), in English in a Chinese group too.
    ['/rg threshold act 0.3', 'en', `${BAD} The act threshold cannot be below the suggest threshold (0.4). Set both at once: /rg threshold 0.3 0.15`],
    ['/rg threshold suggest 0.9', 'en', `${BAD} The suggest threshold cannot be above the act threshold (0.8). Set both at once: /rg threshold 1 0.9`],
    ['/rg threshold act 2', 'en', `${BAD} A threshold is a score from 0 to 1 (got 2).`],
    ['/rg threshold act 2', 'zh', '参数无效。 阈值是 0 到 1 之间的分数（输入的是 2）。'],
  ] as const)('GIVEN %s (%s) THEN it is refused naming the range, and nothing is stored or ledgered', async (text, lang, reply) => {
    // Regression (QA L6): "answer 0.2" was stored and ledgered as set, and changed nothing.
    const { engine, records, command } = world();
    const before = await engine.settingsFor('g-1');
    expect(await command(text, lang)).toEqual({ ok: false, error: 'bad_argument', reply });
    expect(await engine.settingsFor('g-1')).toEqual(before);
    expect(records).toEqual([]);
    expect(await command('/rg threshold answer 0.8')).toMatchObject({ ok: true, change: { summary: 'answer threshold 0.8' } });
  });
});

describe('/rg settings for members', () => {
  it('GIVEN a member who is not an admin THEN /rg settings shows the settings (read only), and a change is still refused', async () => {
    // Regression (QA L14): "Only group admins can configure RumorGuard." for looking at the settings.
    const h = harness();
    const member = { id: 'm-1', name: 'Alice', isAdmin: false };
    const shown = await runAdminCommand(h.engine, 'g-1', member, '/rg settings');
    expect(shown).toMatchObject({ ok: true, reply: expect.stringMatching(/^mode: enforce; language: auto\nthresholds: suggest 0\.4, act 0\.8/) });
    expect(shown).not.toHaveProperty('change');
    expect(await runAdminCommand(h.engine, 'g-1', member, '/rg status')).toEqual(shown);
    expect(await runAdminCommand(h.engine, 'g-1', member, '/rg mode observe')).toEqual({ ok: false, error: 'not_admin', reply: 'Only group admins can configure RumorGuard.' });
    expect(await runAdminCommand(h.engine, 'g-1', member, '/rg strikes m-1')).toMatchObject({ ok: false, error: 'not_admin' });
    expect((await h.engine.settingsFor('g-1')).mode).toBe('enforce');
  });
});
