import type { ChatMessage } from '../../engine/chatMessage.js';
import type { Decision } from '../../engine/decision.js';
import type { Engine } from '../../engine/engine.js';
import type { IncidentView } from '../../ledger/incidentOutcomes.js';
import type { GroupSettings } from '../../rules/settingsSchema.js';

/** How many of the group's latest incidents a preview decides again. */
export const PREVIEW_LIMIT = 200;

/** One replayed incident: what was done, and what each set of rules decides now. */
export interface PreviewRow {
  view: IncidentView;
  text: string;
  current: Decision;
  proposed: Decision;
  /** The new rules decide differently from the current ones (replayed the same way). */
  differs: boolean;
}

export interface RulesPreview {
  rows: PreviewRow[];
  /** Incidents among the latest whose text was purged: they cannot be decided again. */
  purged: number;
  changed: number;
}

/** "reply_refutation, warn (withheld: mute)": a decision's actions, as the preview compares them. */
export function decisionSummary(d: Decision): { actions: string[]; withheld: string[]; strikes: number } {
  return {
    actions: d.actions.filter((a) => a.type !== 'log').map((a) => a.type),
    withheld: d.withheld.map((a) => a.type),
    strikes: d.strikes.after,
  };
}

const same = (a: Decision, b: Decision) => JSON.stringify(decisionSummary(a)) === JSON.stringify(decisionSummary(b));

/**
 * Decides the group's latest incidents (their kept texts) again, in order, with the current
 * settings and with the proposed ones. Messages that matched no rumor were never kept, so the
 * incidents are the messages there are; "differs" compares the two replays, so what the replay
 * cannot know (strikes from before the window, senders' admin status) affects both alike.
 */
export function previewRules(engine: Engine, views: readonly IncidentView[], current: GroupSettings, proposed: GroupSettings, limit = PREVIEW_LIMIT): RulesPreview {
  const latest = views.slice(-limit);
  const kept = latest.filter((v) => v.entry.record.messageText !== undefined);
  const messages = kept.map((v): ChatMessage => {
    const r = v.entry.record;
    return {
      platform: r.platform,
      groupId: r.groupId,
      messageId: r.messageId,
      member: { id: r.member.id, name: r.member.name },
      text: r.messageText!,
      sentAt: Date.parse(r.messageAt),
      ...(r.link ? { link: r.link } : {}),
    };
  });
  const now = engine.replay(messages, current);
  const next = engine.replay(messages, proposed);
  const rows = kept.map((view, i): PreviewRow => ({ view, text: messages[i]!.text, current: now[i]!, proposed: next[i]!, differs: !same(now[i]!, next[i]!) }));
  return { rows: rows.reverse(), purged: latest.length - kept.length, changed: rows.filter((r) => r.differs).length };
}
