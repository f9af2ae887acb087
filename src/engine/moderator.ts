import { runAdminCommand, type CommandResult } from '../commands/adminCommands.js';
import { incidentRecord } from '../ledger/incidentRecord.js';
import type { RecordOutcome } from '../ledger/recorder.js';
import type { Actor, LedgerRecord } from '../ledger/ledgerRecord.js';
import type { FeedbackQueue, FeedbackResult } from '../feedback/feedbackQueue.js';
import type { ChatMember, ChatMessage } from './chatMessage.js';
import type { Decision } from './decision.js';
import type { Engine } from './engine.js';
import type { Language } from './templates.js';
import { REASONS } from '../rules/reasons.js';
import { StoreError } from '../store/storeError.js';

/** After a store failure, messages are decided without the store for this long before it is tried again. */
export const STORE_RETRY_MS = 5_000;

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
  private storeDownUntil = 0;
  private lastStoreError: string | undefined;

  /**
   * @param now the clock for the store retry pause; tests pass a fake one. @defaultValue Date.now
   */
  constructor(
    readonly engine: Engine,
    private readonly sink?: IncidentSink,
    readonly feedback?: FeedbackQueue,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * A member's word on a message: "this is a rumor" (report) or "this is not a rumor" (dispute of
   * the bot's match). Queued for the admins (`/rg queue`); nothing is decided automatically.
   */
  async onFeedback(
    kind: 'report' | 'not_a_rumor',
    /** The message concerned: only where it is (its text may be unknown to an adapter). */
    about: Pick<ChatMessage, 'groupId' | 'messageId'>,
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

  /**
   * Decides about a message and records the incident, if there is one. When the store is
   * unreachable the decision is made without it (see `stateless`) and the incident still goes to
   * the ledger's spool, marked as such; for STORE_RETRY_MS after a failure the store is not asked,
   * so a flood during an outage does not wait for a timeout on every message.
   */
  async onMessage(message: ChatMessage): Promise<{ decision: Decision; recorded?: RecordOutcome; storeError?: string }> {
    let decision: Decision;
    let storeError: string | undefined;
    if (this.now() < this.storeDownUntil) {
      decision = await this.engine.evaluate(message, { stateless: true });
      storeError = this.lastStoreError;
    } else {
      try {
        decision = await this.engine.evaluate(message);
      } catch (error) {
        if (!(error instanceof StoreError)) throw error;
        this.storeDownUntil = this.now() + STORE_RETRY_MS;
        this.lastStoreError = storeError = error.message;
        decision = await this.engine.evaluate(message, { stateless: true });
      }
    }
    const found = incidentRecord(message, decision);
    const record = found && storeError ? { ...found, note: `${REASONS.store_unavailable} (${storeError})` } : found;
    const extra = storeError ? { storeError } : {};
    if (!record || !this.sink) return { decision, ...extra };
    return { decision, recorded: await this.sink.record(record), ...extra };
  }

  /**
   * Records an action taken outside `/rg` settings (an admin linking alerts or exporting the
   * ledger; the bot noting that a platform refused an action). No-op without a ledger.
   */
  async recordAction(platform: string, groupId: string, by: Actor, action: string, detail: string): Promise<RecordOutcome | undefined> {
    return this.sink?.record({ type: 'admin', platform, groupId, by, action, detail });
  }

  /** Runs `/rg …` and records what an admin changed. */
  async onAdminCommand(platform: string, groupId: string, by: ChatMember, text: string, lang: Language = 'en'): Promise<CommandResult> {
    const result = await runAdminCommand(this.engine, groupId, by, text, this.feedback, lang);
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
