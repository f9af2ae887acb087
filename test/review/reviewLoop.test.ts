import { afterEach, describe, expect, it } from 'vitest';
import type { ChatMember, ChatMessage } from '../../src/engine/chatMessage.js';
import type { ModerationPort } from '../../src/moderation/moderationPort.js';
import type { ReviewPort } from '../../src/review/reviewPort.js';
import { startCore } from '../adapters/coreHarness.js';
import { FIVE_G_ID, TEXT } from '../engine/harness.js';

const RUMOR = 'The east district water supply was poisoned last night, nobody should drink tap water until Friday';
const COPY = 'FWD: the EAST district water supply was poisoned last night!! nobody should drink tap water until friday';
const OWNER: ChatMember = { id: 'owner', name: 'Olivia', isAdmin: true };

let t = Date.UTC(2026, 2, 1, 10);
const message = (groupId: string, messageId: string, text: string, member = { id: 'dave', name: 'Dave' }): ChatMessage => ({
  platform: 'test',
  groupId,
  messageId,
  member,
  text,
  sentAt: (t += 1000),
});

/** A platform that records what review asked of it. */
function recordingPort() {
  const replies: { messageId: string; refutation: string }[] = [];
  const notices: { groupId: string; messageId: string; text: string }[] = [];
  const privately: { userId: string; text: string }[] = [];
  const port: ReviewPort = {
    portFor: (m) =>
      ({
        reply_refutation: async (i: { refutation: { refutation: string } }) => {
          replies.push({ messageId: m.messageId, refutation: i.refutation.refutation });
          return { status: 'done' };
        },
      }) as unknown as ModerationPort,
    notify: async (groupId, messageId, text) => {
      notices.push({ groupId, messageId, text });
      return { status: 'done' };
    },
    tellPrivately: async (userId, text) => {
      privately.push({ userId, text });
      return { status: 'done' };
    },
  };
  return { port, replies, notices, privately };
}

let core: Awaited<ReturnType<typeof startCore>> | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

async function setup() {
  core = await startCore({ groupId: 'g-a', secrets: [] });
  const platform = recordingPort();
  core.moderator.reviewPorts.set('test', platform.port);
  return { core, ...platform };
}

describe('review: a report becomes a debunk', () => {
  it('GIVEN 3 reports of one rumor and a near copy THEN the queue shows ONE item with the text, author and reporters', async () => {
    const { core } = await setup();
    const { moderator } = core;
    const original = message('g-a', '1', RUMOR);
    const copy = message('g-a', '2', COPY, { id: 'erin', name: 'Erin' });
    await moderator.onFeedback('report', original, { id: 'r1', name: 'Rita' }, 'fake');
    await moderator.onFeedback('report', original, { id: 'r2', name: 'Sam' }, '');
    await moderator.onFeedback('report', copy, { id: 'r3', name: 'Tom' }, '');
    await moderator.onFeedback('report', message('g-a', '3', 'The mayor has closed every school until spring'), { id: 'r1', name: 'Rita' }, '');
    const items = await core.moderator.review!.items('g-a');
    expect(items.map((i) => [i.feedback.length, i.messageIds.length])).toEqual([
      [3, 2],
      [1, 1],
    ]);
    const listing = (await moderator.onAdminCommand('test', 'g-a', OWNER, '/rg queue')).reply;
    expect(listing).toContain(`${items[0]!.id} report ×3 by Rita, Sam, Tom`);
    expect(listing).toContain('Dave: "The east district water supply was poisoned');
    expect(listing).toContain('+ 1 similar message(s)');
    expect(listing).toContain(`/rg accept ${items[0]!.id} | <verdict>`);
  });

  it('GIVEN a report accepted with verdict, refutation and source THEN the new debunk matches at once in ANOTHER group, the reported message and its copy are answered, AND all is ledgered', async () => {
    const { core, replies } = await setup();
    const { moderator, engine } = core;
    expect((await moderator.onMessage(message('g-b', '9', RUMOR))).decision.matches).toEqual([]);
    await moderator.onFeedback('report', message('g-a', '1', RUMOR), { id: 'r1', name: 'Rita' }, '');
    await moderator.onFeedback('report', message('g-a', '2', COPY, { id: 'erin', name: 'Erin' }), { id: 'r2', name: 'Sam' }, '');
    const [item] = await moderator.review!.items('g-a');
    const bare = await moderator.onAdminCommand('test', 'g-a', OWNER, `/rg accept ${item!.id}`);
    expect(bare).toMatchObject({ ok: false, reply: expect.stringContaining(`/rg accept ${item!.id} | <verdict> | <refutation> | <source url>`) });

    const r = await moderator.onAdminCommand(
      'test',
      'g-a',
      OWNER,
      `/rg accept ${item!.id} | false | The water utility tested every station this morning: the water is safe. | https://water.example.org/notice`,
    );
    expect(r.ok).toBe(true);
    expect(r.reply).toMatch(/as new debunk \S+ \(false\) for all groups; answering 2 message/);
    const debunk = [...engine.debunks()].find((d) => d.claim === RUMOR)!;
    expect(debunk).toMatchObject({ verdict: 'false', variants: [COPY], sources: [{ url: 'https://water.example.org/notice', title: 'water.example.org' }], lang: 'en' });

    const elsewhere = await moderator.onMessage(message('g-b', '10', 'the east district water supply was poisoned last night, nobody should drink tap water'));
    expect(elsewhere.decision.matches[0]?.debunkId).toBe(debunk.id);
    expect(elsewhere.decision.actions.map((a) => a.type)).toContain('reply_refutation');

    await moderator.settled();
    expect(replies).toEqual([
      { messageId: '1', refutation: 'The water utility tested every station this morning: the water is safe.' },
      { messageId: '2', refutation: 'The water utility tested every station this morning: the water is safe.' },
    ]);
    expect((await moderator.onAdminCommand('test', 'g-a', OWNER, '/rg queue')).reply).toBe('The queue is empty.');
    const records = await core.records('g-a');
    expect(records.filter((x) => x.type === 'admin')).toMatchObject([{ action: 'accept', by: { name: 'Olivia' }, detail: expect.stringContaining(debunk.id) }]);
    expect(records.filter((x) => x.type === 'incident')).toMatchObject([
      { messageId: '1', debunkId: debunk.id, strikes: 0, by: { kind: 'admin', name: 'Olivia' } },
      { messageId: '2', debunkId: debunk.id, member: { name: 'Erin' } },
    ]);
    expect(records.filter((x) => x.type === 'outcome')).toMatchObject([
      { messageId: '1', actions: [{ type: 'reply_refutation', status: 'done' }] },
      { messageId: '2', actions: [{ type: 'reply_refutation', status: 'done' }] },
    ]);
  });

  it('GIVEN "here" THEN the debunk serves this group only; GIVEN a bad source THEN it is refused with the field and nothing is stored', async () => {
    const { core } = await setup();
    const { moderator } = core;
    await moderator.onFeedback('report', message('g-a', '1', RUMOR), { id: 'r1', name: 'Rita' }, '');
    const [item] = await moderator.review!.items('g-a');
    const refused = await moderator.onAdminCommand('test', 'g-a', OWNER, `/rg accept ${item!.id} | false | It is safe. | not-a-url`);
    expect(refused).toMatchObject({ ok: false, reply: expect.stringContaining('sources[0].url') });
    // QA L7: a URL of another scheme was refused as "not a URL".
    for (const url of ['ftp://x.example', 'javascript:alert(1)']) {
      const other = await moderator.onAdminCommand('test', 'g-a', OWNER, `/rg accept ${item!.id} | false | It is safe. | ${url}`);
      expect(other).toMatchObject({ ok: false, reply: expect.stringContaining('sources[0].url: must be an http:// or https:// address') });
    }
    const wrongVerdict = await moderator.onAdminCommand('test', 'g-a', OWNER, `/rg accept ${item!.id} | maybe | It is safe. | https://x.example/a`);
    expect(wrongVerdict.reply).toContain('verdict');
    expect((await moderator.review!.items('g-a')).length).toBe(1);

    const ok = await moderator.onAdminCommand('test', 'g-a', OWNER, `/rg accept ${item!.id} here | Mostly False | It is safe. | https://x.example/a`);
    expect(ok.reply).toContain('for this group');
    expect((await moderator.onMessage(message('g-a', '5', RUMOR))).decision.matches).not.toEqual([]);
    expect((await moderator.onMessage(message('g-b', '6', RUMOR))).decision.matches).toEqual([]);
    expect(core.engine.lookup(RUMOR)).toEqual([]);
  });
});

// QA: a report of a message the bot had answered as a known rumor was accepted as a second debunk
// of that rumor, and the message refuted twice.
describe('review: a report of a message that already is a known rumor', () => {
  it.each([
    { given: 'made under the refutation (the rumor named)', text: `${TEXT.fiveG}, share before they delete it`, debunkId: FIVE_G_ID },
    { given: 'of a message whose text matches it', text: `${TEXT.fiveG}, share before they delete it`, debunkId: undefined },
  ])('GIVEN a report $given THEN accepting it as written is refused with the rumor and both ways on; "new" makes the debunk', async ({ text, debunkId }) => {
    const { core, replies } = await setup();
    const { moderator, engine } = core;
    await moderator.onFeedback('report', message('g-a', '1', text), { id: 'r1', name: 'Rita' }, '', debunkId);
    const [item] = await moderator.review!.items('g-a');
    const before = [...engine.debunks()].length;
    const refused = await moderator.onAdminCommand('test', 'g-a', OWNER, `/rg accept ${item!.id} | false | Radio waves do not carry viruses. | https://example.org/5g`);
    expect(refused).toMatchObject({ ok: false });
    expect(refused.reply).toMatch(new RegExp(`^Not done: the message of report ${item!.id} already matches the known rumor ${FIVE_G_ID} \\(“5G towers`));
    expect(refused.reply).toContain(`/rg reject ${item!.id}`);
    expect(refused.reply).toContain(`/rg accept ${item!.id} new | <verdict>`);
    expect([...engine.debunks()].length).toBe(before);
    expect((await moderator.review!.items('g-a')).length).toBe(1);

    const fresh = await moderator.onAdminCommand('test', 'g-a', OWNER, `/rg accept ${item!.id} new | false | Radio waves do not carry viruses. | https://example.org/5g`);
    expect(fresh).toMatchObject({ ok: true });
    expect([...engine.debunks()].length).toBe(before + 1);
    await moderator.settled();
    expect(replies.map((r) => r.messageId)).toEqual(['1']);
  });

  it('GIVEN a report of a message that matches no known rumor THEN it is accepted as before, without "new"', async () => {
    const { core } = await setup();
    await core.moderator.onFeedback('report', message('g-a', '1', RUMOR), { id: 'r1', name: 'Rita' }, '');
    const [item] = await core.moderator.review!.items('g-a');
    expect((await core.moderator.onAdminCommand('test', 'g-a', OWNER, `/rg accept ${item!.id} | false | It is safe. | https://x.example/a`)).ok).toBe(true);
  });
});

describe('review: the next post after an accepted report', () => {
  // Real-client QA: the reported message was answered, and the next post of the rumor within the
  // repeat window got the full refutation again instead of a pointer to that answer.
  it('GIVEN a report accepted and its message answered THEN the next post of the rumor in that group gets a pointer', async () => {
    const { core } = await setup();
    const { moderator } = core;
    await moderator.onFeedback('report', message('g-a', '1', RUMOR), { id: 'r1', name: 'Rita' }, '');
    const [item] = await moderator.review!.items('g-a');
    await moderator.onAdminCommand('test', 'g-a', OWNER, `/rg accept ${item!.id} | false | The water is safe. | https://water.example.org/notice`);
    await moderator.settled();
    const next = await moderator.onMessage(message('g-a', '5', RUMOR, { id: 'gus', name: 'Gus' }));
    expect(next.decision.actions.map((a) => a.type)).toContain('pointer');
    expect(next.decision.actions.map((a) => a.type)).not.toContain('reply_refutation');
  });
});

describe('review: a claim over the length limit', () => {
  it('GIVEN a reported message longer than a claim may be THEN accepting it is refused with the limit, nothing is cut or stored; GIVEN a short claim THEN it is stored whole', async () => {
    const { core } = await setup();
    const { moderator, engine } = core;
    const long = `${RUMOR}. ${'Forward this to everyone you know before the officials delete it. '.repeat(8)}`.trim();
    expect(long.length).toBeGreaterThan(500);
    await moderator.onFeedback('report', message('g-a', '1', long), { id: 'r1', name: 'Rita' }, '');
    const [item] = await moderator.review!.items('g-a');
    const before = [...engine.debunks()].length;

    const refused = await moderator.onAdminCommand('test', 'g-a', OWNER, `/rg accept ${item!.id} | false | It is safe. | https://water.example.org/notice`);
    expect(refused).toMatchObject({ ok: false, reply: expect.stringContaining(`the claim is ${long.length} characters long, and a claim may have at most 500`) });
    expect(refused.reply).toContain(`/rg accept ${item!.id} | <verdict> | <refutation> | <source url> | <claim>`);
    const typed = await moderator.onAdminCommand('test', 'g-a', OWNER, `/rg accept ${item!.id} | false | It is safe. | https://water.example.org/notice | ${'x'.repeat(501)}`);
    expect(typed).toMatchObject({ ok: false, reply: expect.stringContaining('at most 500') });
    expect([...engine.debunks()].length).toBe(before);
    expect([...engine.debunks()].some((d) => d.claim.endsWith('…'))).toBe(false);
    expect((await moderator.review!.items('g-a')).length).toBe(1);

    const claim = `${RUMOR} ${'and more '.repeat(43)}`.trim();
    expect(claim.length).toBeGreaterThan(400);
    const ok = await moderator.onAdminCommand('test', 'g-a', OWNER, `/rg accept ${item!.id} | false | It is safe. | https://water.example.org/notice | ${claim}`);
    expect(ok.ok).toBe(true);
    expect([...engine.debunks()].find((d) => d.tags.includes('review'))?.claim).toBe(claim);
  });

  it('GIVEN Chinese THEN the refusal is in Chinese, with the limit', async () => {
    const { core } = await setup();
    const { moderator } = core;
    await moderator.onFeedback('report', message('g-a', '1', '东区自来水昨晚被投毒。'.repeat(50)), { id: 'r1', name: 'Rita' }, '');
    const [item] = await moderator.review!.items('g-a');
    const refused = await moderator.onAdminCommand('test', 'g-a', OWNER, `/rg accept ${item!.id} | false | 水是安全的。 | https://water.example.org/notice`, 'zh');
    expect(refused).toMatchObject({ ok: false, reply: expect.stringContaining('最多只能有 500 个') });
  });
});

describe('review: REVIEW_SHARES=operators', () => {
  it('GIVEN a group admin who is not an operator THEN their debunk serves their group only; an operator\'s serves every group', async () => {
    core = await startCore({ groupId: 'g-a', secrets: [], operatorIds: ['test:op'], reviewShares: 'operators' });
    const { moderator } = core;
    await moderator.onFeedback('report', message('g-a', '1', RUMOR), { id: 'r1', name: 'Rita' }, '');
    let [item] = await moderator.review!.items('g-a');
    const byAdmin = await moderator.onAdminCommand('test', 'g-a', OWNER, `/rg accept ${item!.id} | false | It is safe. | https://x.example/a`);
    expect(byAdmin.reply).toContain('for this group');
    expect((await moderator.onMessage(message('g-b', '2', RUMOR))).decision.matches).toEqual([]);
    const other = 'The mayor has secretly closed every school in the city until next spring because of a virus';
    await moderator.onFeedback('report', message('g-a', '3', other), { id: 'r1', name: 'Rita' }, '');
    [item] = await moderator.review!.items('g-a');
    const byOperator = await moderator.onAdminCommand('test', 'g-a', { id: 'op', name: 'Operator', isAdmin: true }, `/rg accept ${item!.id} | false | Schools are open. | https://x.example/b`);
    expect(byOperator.reply).toContain('for all groups');
    expect((await moderator.onMessage(message('g-b', '4', other))).decision.matches).not.toEqual([]);
  });
});

describe('review: a dispute accepted', () => {
  // Real-client QA: an English question's "not a rumor", accepted by an admin who writes Chinese,
  // was told under it in Chinese.
  it.each([
    { text: `Is it true that ${TEXT.fiveG}?`, adminLang: 'zh', told: 'An admin agreed this message is not a rumor.' },
    { text: '聽說5G基站會傳播新冠病毒？', adminLang: 'en', told: '管理員認定這條消息不是謠言。' },
  ] as const)('GIVEN "$text" accepted by an admin writing $adminLang THEN the member is told in their own language and script', async ({ text, adminLang, told }) => {
    const { core, notices } = await setup();
    const { moderator } = core;
    await moderator.onMessage(message('g-a', '1', text));
    await moderator.onFeedback('not_a_rumor', message('g-a', '1', text), { id: 'r1', name: 'Rita' }, '', FIVE_G_ID);
    const [item] = await moderator.review!.items('g-a');
    await moderator.onAdminCommand('test', 'g-a', OWNER, `/rg accept ${item!.id}`, adminLang);
    await moderator.settled();
    expect(notices.map((n) => n.text)).toEqual([told]);
  });

  it('GIVEN a strike and an accepted "not a rumor" THEN the strike is withdrawn, the author told, the message and its near copies no longer match in that group (still elsewhere)', async () => {
    const { core, notices } = await setup();
    const { moderator, engine } = core;
    const text = `${TEXT.fiveG}, everyone in our street is saying it`;
    const first = await moderator.onMessage(message('g-a', '1', text));
    expect(first.decision.strikes.after).toBe(1);
    await moderator.onFeedback('not_a_rumor', message('g-a', '1', text), { id: 'r1', name: 'Rita' }, 'satire', FIVE_G_ID);
    const [item] = await moderator.review!.items('g-a');
    const r = await moderator.onAdminCommand('test', 'g-a', OWNER, `/rg accept ${item!.id}`);
    expect(r.reply).toContain(`${FIVE_G_ID} recorded as a false positive there; strike of dave withdrawn`);
    expect(await engine.strikesOf('g-a', 'dave')).toEqual([]);
    await moderator.settled();
    expect(notices).toEqual([{ groupId: 'g-a', messageId: '1', text: 'An admin agreed this message is not a rumor; the strike it earned is withdrawn.' }]);

    const again = await moderator.onMessage({ ...message('g-a', '1', text), edited: true });
    expect(again.decision.matches.map((m) => m.debunkId)).not.toContain(FIVE_G_ID);
    const nearCopy = await moderator.onMessage(message('g-a', '2', `fwd: ${text}!`));
    expect(nearCopy.decision.matches.map((m) => m.debunkId)).not.toContain(FIVE_G_ID);
    const plain = await moderator.onMessage(message('g-a', '3', TEXT.fiveG));
    expect(plain.decision.matches[0]?.debunkId).toBe(FIVE_G_ID);
    const other = await moderator.onMessage(message('g-b', '4', text));
    expect(other.decision.matches[0]?.debunkId).toBe(FIVE_G_ID);
    // The admin record names the match overturned, for reports to mark its incident.
    expect((await core.records('g-a')).filter((x) => x.type === 'admin')).toMatchObject([
      { action: 'accept', by: { kind: 'admin', name: 'Olivia' }, overturns: [{ messageId: '1', debunkId: FIVE_G_ID }] },
    ]);
  });

  it('GIVEN a dispute accepted on a message that is the claim itself THEN only that message is cleared: others posting the claim are still answered, and the admin is told how to retire it; no note for a message that only carries it', async () => {
    // Regression: the message's near copies were recorded as the false positive, and the claim
    // posted word for word by anyone else went unanswered and unledgered in the group.
    const { core } = await setup();
    const { moderator } = core;
    await moderator.onMessage(message('g-a', '1', TEXT.fiveG));
    await moderator.onFeedback('not_a_rumor', message('g-a', '1', TEXT.fiveG), { id: 'r1', name: 'Rita' }, '', FIVE_G_ID);
    const [item] = await moderator.review!.items('g-a');
    const r = await moderator.onAdminCommand('test', 'g-a', OWNER, `/rg accept ${item!.id}`);
    expect(r.reply).toContain(`Note: the message says the claim of ${FIVE_G_ID} itself, so only this message is cleared: the claim is still answered when others post it. To stop answering it in this group: /rg retire ${FIVE_G_ID}`);
    const cleared = await moderator.onMessage({ ...message('g-a', '1', TEXT.fiveG), edited: true });
    expect(cleared.decision.matches.map((m) => m.debunkId)).not.toContain(FIVE_G_ID);
    // The dry run says why, not only that the rest scored low.
    expect(cleared.decision.explain[0]).toMatchObject({ rule: 'exclusion', fired: true, reason: 'excluded', detail: FIVE_G_ID });
    const byAnother = await moderator.onMessage(message('g-a', '5', TEXT.fiveG, { id: 'zed', name: 'Zed' }));
    expect(byAnother.decision.matches[0]?.debunkId).toBe(FIVE_G_ID);
    expect(byAnother.decision.actions.map((a) => a.type)).toContain('log');

    const text = `${TEXT.fiveG}, everyone in our street is saying it, my neighbour heard it at the market on saturday`;
    await moderator.onMessage(message('g-b', '2', text));
    await moderator.onFeedback('not_a_rumor', message('g-b', '2', text), { id: 'r1', name: 'Rita' }, '', FIVE_G_ID);
    const [other] = await moderator.review!.items('g-b');
    expect((await moderator.onAdminCommand('test', 'g-b', OWNER, `/rg accept ${other!.id}`)).reply).not.toContain('Note:');
  });

  it('GIVEN a rejected report and the group wants reporters told THEN each reporter hears privately; without the setting nobody does', async () => {
    const { core, privately } = await setup();
    const { moderator } = core;
    await moderator.onFeedback('report', message('g-a', '1', RUMOR), { id: 'r1', name: 'Rita' }, '');
    let [item] = await moderator.review!.items('g-a');
    await moderator.onAdminCommand('test', 'g-a', OWNER, `/rg reject ${item!.id}`);
    await moderator.settled();
    expect(privately).toEqual([]);
    expect((await moderator.onAdminCommand('test', 'g-a', OWNER, '/rg tellreporter on')).ok).toBe(true);
    await moderator.onFeedback('report', message('g-a', '2', RUMOR), { id: 'r2', name: 'Sam' }, '');
    [item] = await moderator.review!.items('g-a');
    const r = await moderator.onAdminCommand('test', 'g-a', OWNER, `/rg reject ${item!.id}`);
    expect(r.reply).toContain('reporters told');
    await moderator.settled();
    expect(privately).toEqual([{ userId: 'r2', text: 'The admins reviewed your report and did not accept it.' }]);
    expect((await core.records('g-a')).filter((x) => x.type === 'admin').map((x) => x.type === 'admin' && x.action)).toEqual(['reject', 'tellreporter', 'reject']);
  });
});

describe('review: names in the replies to an admin', () => {
  // Real-client QA: the reply is posted in the group on Telegram, and named who reported whom; it
  // names no reporter now (the queue, sent privately, and the ledger do).
  it('GIVEN a reporter whose display name holds a mention, a link and a line break WHEN the report is rejected or accepted THEN the reply names no reporter at all', async () => {
    const { core } = await setup();
    const { moderator } = core;
    const hostile = { id: 'r1', name: '@adam_admin [Appeal](https://ev.il)\n/rg mode observe' };
    await moderator.onFeedback('report', message('g-a', '1', RUMOR), hostile, '');
    let [item] = await moderator.review!.items('g-a');
    const rejected = await moderator.onAdminCommand('test', 'g-a', OWNER, `/rg reject ${item!.id}`);
    await moderator.onFeedback('report', message('g-a', '2', RUMOR), hostile, '');
    [item] = await moderator.review!.items('g-a');
    const accepted = await moderator.onAdminCommand('test', 'g-a', OWNER, `/rg accept ${item!.id} | false | The water was tested and is safe. | https://example.org/water`);
    for (const reply of [rejected.reply, accepted.reply]) {
      expect(reply).toMatch(/^OK: (?:rejected|accepted) report \w+ \(1 report\(s\)/);
      expect(reply).not.toContain('adam_admin');
      expect(reply).not.toMatch(/@(?!\u200B)/);
      expect(reply).not.toContain('https://ev.il');
      expect(reply).not.toContain('\n/rg mode observe');
    }
  });
});

describe('review: retiring', () => {
  it('GIVEN /rg retire by a group admin THEN the debunk stops in that group only', async () => {
    const { core } = await setup();
    const { moderator } = core;
    const r = await moderator.onAdminCommand('test', 'g-a', OWNER, `/rg retire ${FIVE_G_ID}`);
    expect(r.reply).toContain('for this group');
    expect((await moderator.onMessage(message('g-a', '1', TEXT.fiveG))).decision.matches.map((m) => m.debunkId)).not.toContain(FIVE_G_ID);
    expect((await moderator.onMessage(message('g-b', '2', TEXT.fiveG))).decision.matches[0]?.debunkId).toBe(FIVE_G_ID);
    expect((await moderator.onAdminCommand('test', 'g-a', OWNER, '/rg retire no-such-thing')).ok).toBe(false);
  });

  // QA: a debunk retired by mistake could not be brought back.
  it('GIVEN a debunk retired in the group WHEN /rg unretire THEN it is answered there again, ledgered; a second /rg unretire changes nothing', async () => {
    const { core } = await setup();
    const { moderator } = core;
    await moderator.onAdminCommand('test', 'g-a', OWNER, `/rg retire ${FIVE_G_ID}`);
    expect(await moderator.review!.retiredIn('g-a')).toEqual(new Set([FIVE_G_ID]));
    const r = await moderator.onAdminCommand('test', 'g-a', OWNER, `/rg unretire ${FIVE_G_ID}`);
    expect(r.reply).toBe(`OK: debunk ${FIVE_G_ID} is used again in this group`);
    expect((await moderator.onMessage(message('g-a', '1', TEXT.fiveG))).decision.matches[0]?.debunkId).toBe(FIVE_G_ID);
    expect(await moderator.review!.retiredIn('g-a')).toEqual(new Set());
    expect(await moderator.onAdminCommand('test', 'g-a', OWNER, `/rg unretire ${FIVE_G_ID}`)).toEqual({ ok: true, reply: `${FIVE_G_ID} is not retired in this group: nothing to change.` });
    expect((await moderator.onAdminCommand('test', 'g-a', OWNER, `/rg unretire ${FIVE_G_ID}`, 'zh')).reply).toBe(`${FIVE_G_ID} 没有在本群停用，无需更改。`);
    const admin = (await core.records('g-a')).filter((x) => x.type === 'admin').map((x) => x.type === 'admin' && x.detail);
    expect(admin).toEqual([`retired debunk ${FIVE_G_ID} for this group`, `debunk ${FIVE_G_ID} used again in this group`]);
  });

  it('GIVEN a debunk an operator retired for every group WHEN the operator runs /rg unretire THEN every group uses it again; a group admin cannot', async () => {
    core = await startCore({ groupId: 'g-a', secrets: [], operatorIds: ['test:op'] });
    const { moderator } = core;
    const OPERATOR: ChatMember = { id: 'op', name: 'Op', isAdmin: true };
    await moderator.onAdminCommand('test', 'g-a', OPERATOR, `/rg retire ${FIVE_G_ID}`);
    expect((await moderator.onMessage(message('g-b', '1', TEXT.fiveG))).decision.matches.map((m) => m.debunkId)).not.toContain(FIVE_G_ID);
    expect(await moderator.onAdminCommand('test', 'g-a', OWNER, `/rg unretire ${FIVE_G_ID}`)).toEqual({ ok: true, reply: `${FIVE_G_ID} is not retired in this group: nothing to change.` });
    expect((await moderator.onAdminCommand('test', 'g-a', OPERATOR, `/rg unretire ${FIVE_G_ID}`)).reply).toBe(`OK: debunk ${FIVE_G_ID} is used again in every group`);
    expect((await moderator.onMessage(message('g-b', '2', TEXT.fiveG))).decision.matches[0]?.debunkId).toBe(FIVE_G_ID);
  });
});

describe('review: the chat listing', () => {
  it('GIVEN more items than one chat message holds THEN whole items are listed, oldest first, and the rest counted', async () => {
    const { reviewListing } = await import('../../src/review/reviewListing.js');
    const { reviewItems } = await import('../../src/review/reviewItems.js');
    const items = reviewItems(
      Array.from({ length: 40 }, (_, i) => ({
        id: `i${i}`,
        kind: 'report' as const,
        groupId: 'g',
        messageId: `m${i}`,
        by: { id: 'r', name: 'Rita' },
        note: '',
        // Texts that share no 3-grams to speak of: forty different rumors.
        message: { text: Array.from({ length: 14 }, (_, k) => ((i * 7919 + k * 104_729) % 1_000_003).toString(36)).join(' '), author: { id: 'a', name: 'Ann' } },
        at: i,
        status: 'open' as const,
      })),
    );
    const listing = reviewListing(items, 'en');
    expect(listing.length).toBeLessThanOrEqual(4096);
    expect(listing).toMatch(/^i0 report ×1 by Rita/);
    const pages = Number(/page 1 of (\d+):/.exec(listing)?.[1]);
    expect(pages).toBeGreaterThan(1);
    // Every item on exactly one page, whole, in order; Discord's 2,000 too.
    const discord = { maxLength: 2000, measure: (text: string) => text.length };
    for (const limit of [undefined, discord]) {
      const all = Array.from({ length: 60 }, (_, p) => reviewListing(items, 'en', p + 1, limit));
      const last = Number(/page \d+ of (\d+):/.exec(all[0]!)?.[1]);
      const seen = all.slice(0, last).flatMap((page) => [...page.matchAll(/^i(\d+) report/gm)].map((m) => Number(m[1])));
      expect(seen).toEqual(items.map((_, i) => i));
      for (const page of all) expect(page.length).toBeLessThanOrEqual(limit?.maxLength ?? 4096);
      // A page past the last is the last, said to be so (QA: "/rg queue 99" showed page 1 as if it were 99).
      expect(all[59]).toMatch(new RegExp(`^There is no page 60: the queue has ${last} page\\(s\\)\\. The last one:\\n`));
      expect(all[59]).toContain(`page ${last} of ${last}:`);
    }
  });

  it('GIVEN names, a message and a note written to fool the listing THEN none of it reaches the chat as written', async () => {
    const { reviewItems } = await import('../../src/review/reviewItems.js');
    const { reviewListing } = await import('../../src/review/reviewListing.js');
    const items = reviewItems([
      {
        id: 'x1',
        kind: 'report' as const,
        groupId: 'g',
        messageId: 'm1',
        by: { id: 'r', name: 'Eve\u202Eevil\n/rg mode observe' },
        note: 'see @everyone\r\nnow',
        message: { text: 'line one\nline two \u202E @admins', author: { id: 'a', name: '@all\u0007' } },
        at: 1,
        status: 'open' as const,
      },
    ]);
    const listing = reviewListing(items, 'en');
    expect(listing).not.toMatch(/[\u202E\u0007\r]/);
    expect(listing).not.toMatch(/\n\/rg mode observe/);
    expect(listing).toContain('line one line two');
    expect(listing).not.toMatch(/@everyone(?!\u200B)/);
  });
});
