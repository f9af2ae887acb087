import { runAdminCommand, type CommandResult } from '../commands/adminCommands.js';
import { incidentRecord } from '../ledger/incidentRecord.js';
import type { RecordOutcome } from '../ledger/recorder.js';
import type { Actor, LedgerRecord } from '../ledger/ledgerRecord.js';
import type { FeedbackQueue, FeedbackResult } from '../feedback/feedbackQueue.js';
import type { ChatMember, ChatMessage } from './chatMessage.js';
import type { Decision } from './decision.js';
import type { Engine } from './engine.js';

/** Where incidents and admin actions are written (the ledger through its spool). */
export interface IncidentSink {
  record(record: LedgerRecord): Promise<RecordOutcome>;
}

/**
 * What every adapter calls: the engine's decision for a message, with the incident written to
 * the ledger, and admin commands with the admin's action written too (the managers are
 * accountable as well). Platform-free: adapters translate events in and carry decisions out.
 */
export class Moderator {
  constructor(
    readonly engine: Engine,
    private readonly sink?: IncidentSink,
    readonly feedback?: FeedbackQueue,
  ) {}

  /**
   * A member's word on a message: "this is a rumor" (report) or "this is not a rumor" (dispute of
   * the bot's match). Queued for the admins (`/rg queue`); nothing is decided automatically.
   */
  async onFeedback(
    kind: 'report' | 'not_a_rumor',
    about: ChatMessage,
    by: ChatMember,
    note: string,
    debunkId?: string,
  ): Promise<FeedbackResult | { ok: false; error: 'unavailable' }> {
    if (!this.feedback) return { ok: false, error: 'unavailable' };
    return this.feedback.add({
      kind,
      groupId: about.groupId,
      messageId: about.messageId,
      ...(debunkId ? { debunkId } : {}),
      by: { id: by.id, name: by.name },
      note,
    });
  }

  /** Decides about a message and records the incident, if there is one. */
  async onMessage(message: ChatMessage): Promise<{ decision: Decision; recorded?: RecordOutcome }> {
    const decision = await this.engine.evaluate(message);
    const record = incidentRecord(message, decision);
    if (!record || !this.sink) return { decision };
    return { decision, recorded: await this.sink.record(record) };
  }

  /**
   * Records an action taken outside `/rg` settings (an admin linking alerts or exporting the
   * ledger; the bot noting that a platform refused an action). No-op without a ledger.
   */
  async recordAction(platform: string, groupId: string, by: Actor, action: string, detail: string): Promise<RecordOutcome | undefined> {
    return this.sink?.record({ type: 'admin', platform, groupId, by, action, detail });
  }

  /** Runs `/rg …` and records what an admin changed. */
  async onAdminCommand(platform: string, groupId: string, by: ChatMember, text: string): Promise<CommandResult> {
    const result = await runAdminCommand(this.engine, groupId, by, text, this.feedback);
    if (result.ok && result.change && this.sink) {
      const [, action = 'configure'] = text.trim().split(/\s+/);
      await this.sink.record({
        type: 'admin',
        platform,
        groupId,
        by: { kind: 'admin', id: by.id, name: by.name },
        action,
        detail: result.change.summary,
      });
    }
    return result;
  }
}
