import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../src/engine/chatMessage.js';
import type { ActionIntent, Decision } from '../../../src/engine/decision.js';
import { ScanTally } from '../../../src/cli/scan/scanTally.js';
import { formatSummary } from '../../../src/cli/scan/formatSummary.js';

const message = (member: string, group = 'g'): ChatMessage => ({
  platform: 'scan',
  groupId: group,
  messageId: '1',
  member: { id: member.toLowerCase(), name: member },
  text: 'x',
  sentAt: 0,
});

/** An intent with just what the tally reads: its type and a mute's duration. */
const act = (type: ActionIntent['type'], durationMs?: number): ActionIntent =>
  ({ type, reason: 'ladder_step', detail: '', language: 'en', debunkId: 'd', ...(durationMs === undefined ? {} : { durationMs }) }) as ActionIntent;

function decision(opts: { debunk?: string; refuting?: boolean; strikes?: [number, number]; actions?: ActionIntent[]; withheld?: ActionIntent[] }): Decision {
  const [before, after] = opts.strikes ?? [0, 0];
  return {
    platform: 'scan',
    groupId: 'g',
    messageId: '1',
    memberId: 'm',
    mode: 'enforce',
    language: 'en',
    stance: opts.refuting ? 'refute' : 'spread',
    stanceCues: [],
    matches: opts.debunk
      ? [{ debunkId: opts.debunk, score: 1, explanation: { phrase: { kind: 'claim', text: '' }, excerpt: '', start: 0, end: 0, retrieval: 0, coverage: 1, similarity: 1 } }]
      : [],
    refuting: opts.refuting ?? false,
    refutingCues: [],
    strikes: { before, after },
    actions: opts.actions ?? [],
    withheld: (opts.withheld ?? []).map((w) => ({ ...w, withheldBecause: 'action_disabled' as const })),
    explain: [],
  };
}

describe('ScanTally', () => {
  it('GIVEN withheld warnings and mutes THEN they count like done actions, mildest first', () => {
    const tally = new ScanTally();
    tally.addDecision(message('Ann'), decision({ debunk: 'a', strikes: [0, 1], actions: [act('log'), act('reply_refutation')] }));
    tally.addDecision(message('Ann'), decision({ debunk: 'b', strikes: [1, 2], actions: [act('reply_refutation')], withheld: [act('warn')] }));
    tally.addDecision(
      message('Ann'),
      decision({ debunk: 'a', strikes: [3, 4], withheld: [act('mute', 86_400_000), act('alert_owners'), act('mute', 3_600_000)] }),
    );
    expect(tally.summary().members).toEqual([
      { group: 'g', id: 'ann', name: 'Ann', strikes: 3, actions: ['reply_refutation', 'warn', 'alert_owners', 'mute 1h', 'mute 1d'] },
    ]);
  });

  it.each([
    { given: 'only replies and pointers', actions: [act('reply_refutation'), act('pointer')], flagged: false },
    { given: 'a withheld warning', actions: [act('warn')], flagged: true },
    { given: 'a mute', actions: [act('mute', 60_000)], flagged: true },
    { given: 'only an owner alert', actions: [act('alert_owners')], flagged: false },
  ])('GIVEN $given THEN the member is flagged: $flagged', ({ actions, flagged }) => {
    const tally = new ScanTally();
    tally.addDecision(message('Ann'), decision({ debunk: 'a', withheld: actions }));
    expect(tally.summary().members.length > 0).toBe(flagged);
  });

  it('GIVEN the same member id in two groups THEN they are two rows', () => {
    const tally = new ScanTally();
    tally.addDecision(message('Ann', 'g1'), decision({ debunk: 'a', strikes: [0, 1], withheld: [act('warn')] }));
    tally.addDecision(message('Ann', 'g2'), decision({ debunk: 'a', strikes: [1, 2], withheld: [act('warn')] }));
    expect(tally.summary().members.map((m) => [m.group, m.strikes])).toEqual([
      ['g1', 1],
      ['g2', 1],
    ]);
    expect(formatSummary('f.txt', tally)).toContainEqual(expect.stringMatching(/^ {2}member +group +strikes +highest action +all actions$/));
    expect(formatSummary('f.txt', tally)).toContainEqual(expect.stringMatching(/^ {2}Ann \(ann\) +g2 +1 +warn +warn$/));
  });

  it('GIVEN matches and refutations THEN matches count messages by best debunk, most first', () => {
    const tally = new ScanTally();
    tally.addDecision(message('Ann'), decision({ debunk: 'b' }));
    tally.addDecision(message('Bo'), decision({ debunk: 'a' }));
    tally.addDecision(message('Cy'), decision({ debunk: 'a', refuting: true }));
    tally.addDecision(message('Cy'), decision({}));
    tally.addProblem(7, 'broken');
    expect(tally.summary()).toEqual({ messages: 4, skipped: 1, matches: { a: 2, b: 1 }, members: [], problems: [{ line: 7, message: 'broken' }] });
    expect(formatSummary('f.txt', tally)).toEqual([
      'f.txt: 4 messages read, 1 line skipped',
      '',
      'Matches by debunk',
      '  debunk  messages  refuting  members',
      '  a              2         1  Bo, Cy',
      '  b              1         0  Ann',
      '',
      'Nobody would be warned or muted.',
    ]);
  });
});
