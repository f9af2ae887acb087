import { randomUUID } from 'node:crypto';
import { runAdminCommand, type CommandResult } from '../commands/adminCommands.js';
import type { ReplyLimit } from '../commands/replyPages.js';
import { changeSettings } from '../commands/changeSettings.js';
import type { SettingsOverride } from '../engine/mergeSettings.js';
import type { ChatMember, ChatMessage } from '../engine/chatMessage.js';
import type { Decision } from '../engine/decision.js';
import type { Engine } from '../engine/engine.js';
import type { Language } from '../engine/templates.js';
import type { FeedbackQueue, FeedbackResult } from '../feedback/feedbackQueue.js';
import { incidentRecord } from '../ledger/incidentRecord.js';
import type { ActionResult, Actor, IncidentRecord, LedgerRecord } from '../ledger/ledgerRecord.js';
import type { RecordOutcome } from '../ledger/recorder.js';
import { REASONS } from '../rules/reasons.js';
import { StoreError } from '../store/storeError.js';
import { DecisionExecutor } from './executeDecision.js';
import type { ModerationPort } from './moderationPort.js';

/** After a store failure, messages are decided without the store for this long before it is tried again. */
export const STORE_RETRY_MS = 5_000;

/** Where incidents and admin actions are written (the ledger through its spool). */
export interface IncidentSink {
  /** Resolves once the record is safe (on disk): delivery to the store may follow. */
  record(record: LedgerRecord): Promise<RecordOutcome>;
  /** Resolves once the records handed over so far are delivered (or wait for a store that is down). */
  settled?(): Promise<void>;
}

/** What became of one message: the decision, its ledger record, and the outcome of its actions. */
export interface MessageHandled {
  decision: Decision;
  /** The incident's acknowledgement by the ledger's spool, when there was an incident. */
  recorded?: RecordOutcome;
  /** The store failed: the decision was made without it. */
  storeError?: string;
  /**
   * The outcome of each action carried out (with a port): resolves once all were attempted, after
   * the outcome record is on its way to the ledger. Never rejects.
   */
  outcomes?: Promise<ActionResult[]>;
}

/** Reports a failure to write an outcome record; the message loop goes on. */
export type OutcomeErrorHandler = (error: unknown, incident: IncidentRecord) => void;

/**
 * What every adapter calls: the engine's decision for a message, written to the ledger, then
 * carried out through the platform's port, and what really happened written to the ledger too;
 * admin commands with the admin's action written as well (the managers are accountable too).
 * Platform-free: adapters translate events in and implement the port.
 */
export class Moderator {
  private storeDownUntil = 0;
  private lastStoreError: string | undefined;
  private readonly executor: DecisionExecutor;
  /** Outcomes still being carried out or recorded, for `settled()`. */
  private readonly pending = new Set<Promise<unknown>>();

  /**
   * @param now the clock for the store retry pause, cooldowns and outcome times; tests pass a
   * fake one. @defaultValue Date.now
   */
  constructor(
    readonly engine: Engine,
    private readonly sink?: IncidentSink,
    readonly feedback?: FeedbackQueue,
    private readonly now: () => number = Date.now,
    private readonly onOutcomeError: OutcomeErrorHandler = () => undefined,
  ) {
    this.executor = new DecisionExecutor(now);
  }

  /**
   * A member's word on a message: "this is a rumor" (report) or "this is not a rumor" (dispute of
   * the bot's match). Queued for the admins (`/rg queue`); nothing is decided automatically.
   */
  async onFeedback(
    kind: 'report' | 'not_a_rumor',
    /**
     * The message concerned: where it is, and its text and author where the adapter has them
     * (kept with the item, so the admins can read what was reported).
     */
    about: Pick<ChatMessage, 'groupId' | 'messageId'> & Partial<Pick<ChatMessage, 'text' | 'member'>>,
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
      ...(about.text !== undefined && about.member ? { message: { text: about.text, author: { id: about.member.id, name: about.member.name } } } : {}),
    });
  }

  /**
   * Decides about a message, records the incident (if there is one), then carries the decision
   * out through `port` and records what became of each action once it was attempted. Resolves
   * when the incident is recorded and the actions are under way; `outcomes` resolves later.
   *
   * When the store is unreachable the decision is made without it (see `stateless`) and the
   * incident still goes to the ledger's spool, marked as such; for STORE_RETRY_MS after a failure
   * the store is not asked, so a flood during an outage does not wait for a timeout on every message.
   */
  async onMessage(message: ChatMessage, port?: ModerationPort): Promise<MessageHandled> {
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
    const incident = found && { ...found, recordId: randomUUID(), ...(storeError ? { note: `${REASONS.store_unavailable} (${storeError})` } : {}) };
    const handled: MessageHandled = { decision, ...(storeError ? { storeError } : {}) };
    if (incident && this.sink) handled.recorded = await this.sink.record(incident);
    if (port && decision.actions.some((a) => a.type !== 'log')) handled.outcomes = this.carryOut(decision, message, port, incident);
    return handled;
  }

  /** Runs the actions and writes their outcomes to the ledger, linked to the incident. */
  private carryOut(decision: Decision, message: ChatMessage, port: ModerationPort, incident: IncidentRecord | undefined): Promise<ActionResult[]> {
    const task = this.executor.execute(decision, message, port).then(async (actions) => {
      if (incident?.recordId && this.sink && actions.length > 0) {
        await this.sink
          .record({
            type: 'outcome',
            platform: message.platform,
            groupId: message.groupId,
            incidentId: incident.recordId,
            messageId: message.messageId,
            actions,
            by: { kind: 'bot' },
          })
          .catch((error: unknown) => this.onOutcomeError(error, incident));
      }
      return actions;
    });
    this.pending.add(task);
    void task.finally(() => this.pending.delete(task));
    return task;
  }

  /**
   * Resolves once every action under way has an outcome and every record so far reached the
   * ledger (or waits in the spool for a store that is down).
   */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending);
    await this.sink?.settled?.();
  }

  /**
   * Records an action taken outside `/rg` settings (an admin linking alerts or exporting the
   * ledger). No-op without a ledger.
   */
  async recordAction(platform: string, groupId: string, by: Actor, action: string, detail: string): Promise<RecordOutcome | undefined> {
    return this.sink?.record({ type: 'admin', platform, groupId, by, action, detail });
  }

  /** Runs `/rg …` and records what an admin changed, under the command's one name on every platform. */
  async onAdminCommand(platform: string, groupId: string, by: ChatMember, text: string, lang: Language = 'en', limit?: ReplyLimit): Promise<CommandResult> {
    return this.ledgered(platform, groupId, by, await runAdminCommand(this.engine, groupId, by, text, this.feedback, lang, limit));
  }

  /**
   * Changes several settings in one validated step (the dashboard's rules form) and records the
   * change under the admin's name, as `/rg` commands are.
   */
  async onSettingsChange(platform: string, groupId: string, by: ChatMember, override: SettingsOverride, lang: Language = 'en'): Promise<CommandResult> {
    return this.ledgered(platform, groupId, by, await changeSettings(this.engine, groupId, by, override, lang));
  }

  private async ledgered(platform: string, groupId: string, by: ChatMember, result: CommandResult): Promise<CommandResult> {
    if (result.ok && result.change && this.sink) {
      await this.sink.record({
        type: 'admin',
        platform,
        groupId,
        by: { kind: 'admin', id: by.id, name: by.name },
        action: result.change.action,
        detail: result.change.summary,
      });
    }
    return result;
  }
}
