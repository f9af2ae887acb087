import type { Decision } from '../../engine/decision.js';
import type { ChatMessage } from '../../engine/chatMessage.js';
import { formatDuration } from '../../rules/duration.js';
import type { ActionType } from '../../rules/actionTypes.js';

/** A member the rules would warn or mute, with what the scan found about them. */
export interface ScanMember {
  group: string;
  id: string;
  /** The name of the member's last message. */
  name: string;
  /** Strikes counted during the scan (each a first-time offence; edits and refutations do not count). */
  strikes: number;
  /** Every action the rules decided for the member, done or withheld, mildest first (`mute 1h`). */
  actions: string[];
}

/** What `scan --json` prints. */
export interface ScanSummary {
  messages: number;
  /** Lines (or Telegram messages) reported as broken and skipped. */
  skipped: number;
  /** Messages whose best match is the debunk, at or above the suggest threshold (as logged). */
  matches: Record<string, number>;
  members: ScanMember[];
  problems: { line: number; message: string }[];
}

/** Per debunk, for the table: messages, how many of them refute it, and who posted them. */
export interface DebunkTally {
  messages: number;
  refuting: number;
  members: Set<string>;
}

/** Actions from mildest to hardest on the member; `log` is not an action against anyone. */
const SEVERITY: readonly ActionType[] = ['suggest_check', 'pointer', 'reply_refutation', 'warn', 'alert_owners', 'delete', 'mute'];

interface MemberTally {
  group: string;
  id: string;
  name: string;
  strikes: number;
  actions: Map<string, { type: ActionType; durationMs: number }>;
}

/**
 * Adds up the decisions of a scan. A scan shows what the rules would do whatever is enabled, so
 * both the actions and the withheld ones count.
 */
export class ScanTally {
  messages = 0;
  readonly problems: { line: number; message: string }[] = [];
  readonly debunks = new Map<string, DebunkTally>();
  private readonly members = new Map<string, MemberTally>();

  addProblem(line: number, message: string): void {
    this.problems.push({ line, message });
  }

  addDecision(message: ChatMessage, decision: Decision): void {
    this.messages += 1;
    const top = decision.matches[0];
    if (top) {
      const tally = this.debunks.get(top.debunkId) ?? { messages: 0, refuting: 0, members: new Set<string>() };
      tally.messages += 1;
      if (decision.refuting) tally.refuting += 1;
      tally.members.add(message.member.name);
      this.debunks.set(top.debunkId, tally);
    }
    const key = JSON.stringify([message.groupId, message.member.id]);
    const member = this.members.get(key) ?? { group: message.groupId, id: message.member.id, name: '', strikes: 0, actions: new Map() };
    member.name = message.member.name;
    member.strikes += decision.strikes.after - decision.strikes.before;
    for (const a of [...decision.actions, ...decision.withheld]) {
      if (a.type === 'log') continue;
      const durationMs = a.type === 'mute' ? a.durationMs : 0;
      member.actions.set(actionLabel(a.type, durationMs), { type: a.type, durationMs });
    }
    this.members.set(key, member);
  }

  /** Members who would be warned or muted, most strikes first. */
  flaggedMembers(): ScanMember[] {
    return [...this.members.values()]
      .filter((m) => [...m.actions.values()].some((a) => a.type === 'warn' || a.type === 'mute'))
      .sort((a, b) => b.strikes - a.strikes || a.name.localeCompare(b.name))
      .map((m) => ({
        group: m.group,
        id: m.id,
        name: m.name,
        strikes: m.strikes,
        actions: [...m.actions.entries()]
          .sort(([, a], [, b]) => SEVERITY.indexOf(a.type) - SEVERITY.indexOf(b.type) || a.durationMs - b.durationMs)
          .map(([label]) => label),
      }));
  }

  /** Debunks by messages matched, most first. */
  debunksByCount(): [string, DebunkTally][] {
    return [...this.debunks.entries()].sort(([a, x], [b, y]) => y.messages - x.messages || a.localeCompare(b));
  }

  summary(): ScanSummary {
    return {
      messages: this.messages,
      skipped: this.problems.length,
      matches: Object.fromEntries(this.debunksByCount().map(([id, t]) => [id, t.messages])),
      members: this.flaggedMembers(),
      problems: this.problems,
    };
  }
}

/** An action as the ladder in rules/default.yaml writes it: `warn`, `mute 1h`. */
function actionLabel(type: ActionType, durationMs: number | undefined): string {
  return type === 'mute' && durationMs !== undefined ? `mute ${formatDuration(durationMs)}` : type;
}
