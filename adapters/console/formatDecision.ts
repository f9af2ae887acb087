import type { Decision } from '../../src/engine/decision.js';
import { REASONS } from '../../src/rules/reasons.js';

const indent = (text: string, prefix: string) => text.split('\n').map((l) => `${prefix}${l}`).join('\n');

/** What the bot would do in a real group, as console lines. */
export function formatDecision(d: Decision, memberName: string): string[] {
  const lines: string[] = [];
  for (const a of d.actions) {
    switch (a.type) {
      case 'reply_refutation':
      case 'pointer':
      case 'suggest_check':
        lines.push(`  RumorGuard replies:\n${indent(a.text ?? '', '    ')}`);
        break;
      case 'warn':
        lines.push(`  RumorGuard warns ${memberName}:\n${indent(a.text ?? '', '    ')}`);
        break;
      case 'mute':
        lines.push(`  [mute] ${a.text ?? ''}`);
        break;
      case 'delete':
        lines.push(`  [delete] the message is removed`);
        break;
      case 'alert_owners':
        lines.push(`  [to the owners] ${a.text ?? ''}`);
        break;
      case 'log':
        lines.push(`  [ledger] ${a.detail}`);
        break;
    }
  }
  for (const w of d.withheld) lines.push(`  (not done: ${w.type} — ${REASONS[w.withheldBecause]})`);
  if (d.refuting) lines.push(`  (refutes the rumor: ${d.refutingCues.join(', ')}; no strike)`);
  if (d.strikes.after !== d.strikes.before) lines.push(`  (${memberName} now has ${d.strikes.after} active strike(s))`);
  if (lines.length === 0) lines.push('  (nothing to do)');
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
