import type { ChatMember } from '../../src/engine/chatMessage.js';
import type { Decision } from '../../src/engine/decision.js';
import { intentText } from '../../src/engine/intentText.js';
import type { ActionResult } from '../../src/ledger/ledgerRecord.js';
import { SKIP_REASONS } from '../../src/ledger/ledgerRecord.js';
import type { ModerationPort } from '../../src/moderation/moderationPort.js';
import { REASONS } from '../../src/rules/reasons.js';
import type { ConsoleMutes } from './consoleMutes.js';

const indent = (text: string, prefix: string) => text.split('\n').map((l) => `${prefix}${l}`).join('\n');

/**
 * The playground's platform: each action is "done" by printing what a real group would see, in
 * the order the decision lists them. A mute of `member` is kept in `mutes`, for a pardon to lift.
 */
export function consolePort(lines: string[], member: Pick<ChatMember, 'id' | 'name'>, mutes?: ConsoleMutes): ModerationPort {
  const say = (line: string) => {
    lines.push(line);
    return Promise.resolve({ status: 'done' as const });
  };
  const reply = (text: string | undefined) => say(`  RumorGuard replies:\n${indent(text ?? '', '    ')}`);
  return {
    reply_refutation: (i) => reply(intentText(i)),
    pointer: (i) => reply(intentText(i)),
    suggest_check: (i) => reply(intentText(i)),
    warn: (i) => say(`  RumorGuard warns ${member.name}:\n${indent(intentText(i) ?? '', '    ')}`),
    mute: (i) => {
      mutes?.mute(member.id, i.durationMs);
      return say(`  [mute] ${intentText(i) ?? ''}`);
    },
    delete: () => say('  [delete] the message is removed'),
    alert_owners: (i) => say(`  [to the owners] ${intentText(i) ?? ''}`),
  };
}

/**
 * What the playground shows after the actions: the ledger line, actions not done and why (withheld
 * by a rule, or skipped), the member's stance and strikes.
 */
export function formatAftermath(d: Decision, results: readonly ActionResult[], memberName: string): string[] {
  const lines: string[] = [];
  // One line per rumor logged: a message may carry several.
  for (const log of d.actions) if (log.type === 'log') lines.push(`  [ledger] ${log.detail}`);
  if (d.withdrawn) lines.push(`  [ledger] ${REASONS[d.withdrawn.reason]} (${d.withdrawn.debunkIds.join(', ')})`);
  for (const r of results) {
    if (r.status === 'skipped') lines.push(`  (not done: ${r.type} — ${SKIP_REASONS[r.reason]})`);
    if (r.status === 'failed') lines.push(`  (failed: ${r.type} — ${r.error})`);
  }
  for (const w of d.withheld) lines.push(`  (not done: ${w.type} — ${REASONS[w.withheldBecause]})`);
  if (d.matches.length > 0 && d.stance !== 'spread') {
    const how = { question: 'asks about the rumor', refute: 'refutes the rumor', mock: 'mocks the rumor' }[d.stance];
    lines.push(`  (${how}${d.stanceCues.length > 0 ? `: ${d.stanceCues.join(', ')}` : ''}; no strike)`);
  }
  if (d.strikes.after !== d.strikes.before) lines.push(`  (${memberName} now has ${d.strikes.after} active strike(s))`);
  return lines;
}

/** Every rule considered for the last message, and why it did or did not fire. */
export function formatExplain(d: Decision): string[] {
  const top = d.matches[0];
  const head = top
    ? [`  best match ${top.debunkId} score ${top.score.toFixed(2)} (coverage ${top.explanation.coverage.toFixed(2)}, similarity ${top.explanation.similarity.toFixed(2)}): "${top.explanation.excerpt}"`]
    : ['  no match at or above the suggest threshold'];
  return [...head, ...d.explain.map((r) => `  ${r.fired ? '✔' : '·'} ${r.rule}: ${REASONS[r.reason]}${r.detail ? ` (${r.detail})` : ''}`)];
}
