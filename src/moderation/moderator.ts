import { randomUUID } from 'node:crypto';
import { runAdminCommand, type CommandResult } from '../commands/adminCommands.js';
import { COMMAND_TEXTS, type PlatformCommand } from '../commands/commandTexts.js';
import type { ReplyLimit } from '../commands/replyPages.js';
import { changeSettings } from '../commands/changeSettings.js';
import type { SettingsOverride } from '../engine/mergeSettings.js';
import type { ChatMember, ChatMessage } from '../engine/chatMessage.js';
import type { Decision } from '../engine/decision.js';
import type { Engine } from '../engine/engine.js';
import type { Language } from '../engine/templates.js';
import type { FeedbackQueue, FeedbackResult } from '../feedback/feedbackQueue.js';
import { incidentRecord, withdrawalRecord } from '../ledger/incidentRecord.js';
import type { ActionResult, Actor, IncidentRecord, LedgerRecord } from '../ledger/ledgerRecord.js';
import type { RecordOutcome } from '../ledger/recorder.js';
import { type Reason, REASONS } from '../rules/reasons.js';
import type { ImageReader, ImageText } from '../ocr/imageReader.js';
import type { ImageSource } from '../ocr/imageSource.js';
import { StoreError } from '../store/storeError.js';
import { DecisionExecutor } from './executeDecision.js';
import { REVIEW_COMMANDS, type Review } from '../review/review.js';
import type { ReviewPort } from '../review/reviewPort.js';
import type { SpreadTracker } from '../alerts/spreadTracker.js';
import type { DebunkLibrary } from '../review/debunkLibrary.js';
import { errorText, type ModerationPort } from './moderationPort.js';
import { plainText } from '../engine/plainText.js';
import { fillTemplate } from '../lib/fillTemplate.js';

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

/** Pictures of a message handed to the moderator: how many wait to be read, and what became of them and of the message. */
export interface PicturesHandled {
  /** Pictures queued for reading. */
  queued: number;
  /** Resolves once the pictures were read (or skipped) and the message decided; undefined when there was nothing to read. */
  handled: Promise<MessageHandled | undefined>;
  /** What became of each picture (its text, or why it was skipped); empty when none was read. */
  read: Promise<ImageText[]>;
}

/** A picture that was not read (over the bounds, queue full, OCR failure): for the operator's log. */
export type ImageSkipHandler = (message: ChatMessage, source: ImageSource, skipped: ImageText & { ok: false }) => void;

/** At most this many pictures of one message are read (an album); the rest are not looked at. */
export const MAX_PICTURES_PER_MESSAGE = 4;

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
  /** Review of member feedback (`/rg queue|accept|reject|retire`), when the core wires it. */
  review?: Review;
  /** Each platform's way to answer earlier messages and tell people privately, by platform name. */
  readonly reviewPorts = new Map<string, ReviewPort>();
  private images: { reader: ImageReader; onSkipped: ImageSkipHandler } | undefined;
  /** The database's sources (files, feeds, review), when the core wires it: file changes go through it. */
  library?: DebunkLibrary;
  /** Follows unknown rumors across groups (forwards and reports), when the core wires it. */
  spread?: SpreadTracker;

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
    about: Pick<ChatMessage, 'groupId' | 'messageId'> & Partial<Pick<ChatMessage, 'platform' | 'text' | 'member' | 'sentAt' | 'link' | 'channelId'>>,
    by: ChatMember,
    note: string,
    debunkId?: string,
  ): Promise<FeedbackResult | { ok: false; error: 'unavailable' }> {
    if (!this.feedback) return { ok: false, error: 'unavailable' };
    const added = await this.feedback.add({
      kind,
      groupId: about.groupId,
      messageId: about.messageId,
      ...(debunkId ? { debunkId } : {}),
      by: { id: by.id, name: by.name },
      note,
      ...(about.text !== undefined && about.member
        ? {
            message: {
              text: about.text,
              author: { id: about.member.id, name: about.member.name },
              ...(about.sentAt !== undefined ? { sentAt: about.sentAt } : {}),
              ...(about.link ? { link: about.link } : {}),
              ...(about.channelId ? { channelId: about.channelId } : {}),
            },
          }
        : {}),
    });
    if (added.ok && kind === 'report' && about.text) this.observeSpread({ platform: about.platform ?? 'unknown', groupId: about.groupId, text: about.text }, 'report');
    return added;
  }

  /** Counts a message towards the cross-group alert, unless its group opted out; in the background. */
  private observeSpread(message: Pick<ChatMessage, 'platform' | 'groupId' | 'text'>, kind: 'forward' | 'report'): void {
    const spread = this.spread;
    if (!spread) return;
    this.track(
      this.engine
        .settingsFor(message.groupId)
        .then((s) => (s.spread.share ? spread.observe(message, kind) : undefined))
        .catch(() => undefined),
    );
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
        storeError = error.message;
        // Later messages decided without the store are not this one's member or rumor: no key.
        this.lastStoreError = error.general;
        decision = await this.engine.evaluate(message, { stateless: true });
      }
    }
    const found = incidentRecord(message, decision);
    const incident = found && { ...found, recordId: randomUUID(), ...(storeError ? { note: `${REASONS.store_unavailable} (${storeError})` } : {}) };
    const handled: MessageHandled = { decision, ...(storeError ? { storeError } : {}) };
    if (incident && this.sink) handled.recorded = await this.sink.record(incident);
    // An edit that took the rumor back took the strike back too: the ledger says so, and why.
    const withdrawal = withdrawalRecord(message, decision);
    if (withdrawal && this.sink) {
      const recorded = await this.sink.record(withdrawal);
      handled.recorded ??= recorded;
    }
    if (message.forwarded && decision.matches.length === 0 && !storeError) this.observeSpread(message, 'forward');
    if (port && decision.actions.some((a) => a.type !== 'log')) handled.outcomes = this.carryOut(decision, message, port, incident);
    return handled;
  }

  /** Reads the text in pictures with this reader (OCR is installed); without it pictures are not read. */
  readImagesWith(reader: ImageReader, onSkipped: ImageSkipHandler = () => undefined): void {
    this.images = { reader, onSkipped };
  }

  /**
   * The bounds pictures are held to, for adapters choosing which size of a picture to offer;
   * undefined when pictures are not read at all (OCR off or not installed).
   */
  get imageLimits(): { maxBytes: number; maxPixels: number } | undefined {
    const options = this.images?.reader.options;
    return options && { maxBytes: options.maxBytes, maxPixels: options.maxPixels };
  }

  /**
   * A message with pictures. Returns at once (pictures wait their turn in the reader's bounded
   * queue, so a flood of them never holds up the adapter or another group); later the text read
   * from them, joined after the caption, is decided like any message, once, with the same
   * thresholds and stance, and the decision carried out through `port` (the refutation replies to
   * the picture's message). Where the group turned pictures off, or nothing could be read, the
   * caption alone is decided. Skipped pictures go to the skip handler.
   */
  async onPictures(message: ChatMessage, pictures: readonly ImageSource[], port?: ModerationPort): Promise<PicturesHandled> {
    const captionOnly = (): PicturesHandled => ({
      queued: 0,
      handled: message.text.trim() === '' ? Promise.resolve(undefined) : this.onMessage(message, port),
      read: Promise.resolve([]),
    });
    const images = this.images;
    if (!images || pictures.length === 0) return captionOnly();
    // Unreachable store: the last known settings or the defaults, as for text.
    const settings = await this.engine.settingsFor(message.groupId).catch(() => undefined);
    if (settings && settings.images !== 'on') return captionOnly();
    const submitted = pictures.slice(0, MAX_PICTURES_PER_MESSAGE).map((source) => ({ source, ...images.reader.submit(message.groupId, source) }));
    const read = Promise.all(submitted.map((s) => s.text));
    const task = read.then((texts) => {
      const withText: { sha256: string; text: string }[] = [];
      texts.forEach((text, i) => {
        if (!text.ok) images.onSkipped(message, submitted[i]!.source, text);
        else if (text.text.trim() !== '') withText.push(text);
      });
      if (withText.length === 0) return message.text.trim() === '' ? undefined : this.onMessage(message, port);
      const caption = message.text.trim();
      const textStart = caption === '' ? 0 : caption.length + 1;
      const text = [caption, ...withText.map((r) => r.text)].filter((t) => t !== '').join('\n');
      return this.onMessage({ ...message, text, images: { sha256: withText.map((r) => r.sha256), textStart } }, port);
    });
    // settled() waits for it; a failure is the caller's to report (through `handled`).
    const tracked = task.catch(() => undefined);
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
    return { queued: submitted.filter((s) => s.accepted).length, handled: task, read };
  }

  /** Runs the actions and writes their outcomes to the ledger, linked to the incident. */
  private carryOut(decision: Decision, message: ChatMessage, port: ModerationPort, incident: IncidentRecord | undefined): Promise<ActionResult[]> {
    const task = this.executor.execute(decision, message, port).then(async (actions) => {
      // A refutation that was not posted is not pointed to later (see Engine.settleReply); with the
      // store away, the pointer may point to nothing until the window passes, as before.
      await this.engine.settleReply(message, decision, actions).catch(() => undefined);
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
    this.track(task);
    return task;
  }

  /** Counts a task under way for `settled()` (answers after review, notices). */
  track(task: Promise<unknown>): void {
    this.pending.add(task);
    void task.finally(() => this.pending.delete(task));
  }

  /**
   * A message the bot received but will not handle (its chat sent faster than it could be read):
   * when it carries a known rumor, the incident is still written, every action withheld for
   * `inbox_full`, so the ledger says what was missed. Decided without the store (the matcher
   * only); nothing counted. Resolves with the acknowledgement, or undefined when there is nothing
   * to record.
   */
  recordUnhandled(message: ChatMessage): Promise<RecordOutcome | undefined> {
    const sink = this.sink;
    if (!sink) return Promise.resolve(undefined);
    const task = (async () => {
      const found = incidentRecord(message, await this.engine.evaluate(message, { stateless: true }));
      if (!found) return undefined;
      const actions = found.actions.map((a) => ({ ...a, status: 'withheld' as const, withheldBecause: 'inbox_full' satisfies Reason }));
      return sink.record({ ...found, recordId: randomUUID(), actions, note: REASONS.inbox_full });
    })();
    // Counted for settled(), like the outcomes under way.
    const tracked = task.catch(() => undefined);
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
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

  /** Records an admin's `/rg export` (the management report sent or written): the same entry on every platform. */
  async recordExport(platform: string, groupId: string, by: Actor, entries: number): Promise<RecordOutcome | undefined> {
    return this.recordAction(platform, groupId, by, 'export', `ledger report exported (${entries} entries)`);
  }

  /**
   * Runs `/rg …` and records what an admin changed, under the command's one name on every platform.
   * `platformCommands`: those the calling adapter runs itself, for `/rg help` to list.
   */
  async onAdminCommand(
    platform: string,
    groupId: string,
    by: ChatMember,
    text: string,
    lang: Language = 'en',
    limit?: ReplyLimit,
    platformCommands: readonly PlatformCommand[] = [],
    unmute?: Unmute,
    seen?: SeenMember,
  ): Promise<CommandResult> {
    const sub = text.trim().split(/\s+/)[1] ?? '';
    if (this.review && by.isAdmin && REVIEW_COMMANDS.has(sub)) return this.ledgered(platform, groupId, by, await this.review.command(platform, groupId, by, text, lang, limit));
    const result = await runAdminCommand(this.engine, groupId, by, text, this.feedback, lang, limit, platformCommands, this.images !== undefined);
    const lifted = result.ok && result.lift && unmute ? await liftMute(result, unmute, lang) : result;
    if (lifted.ok && lifted.lookedUp && seen) return this.ledgered(platform, groupId, by, await toldIfUnseen(lifted, lifted.lookedUp.memberId, seen, lang, 'notSeenLookup'));
    return this.ledgered(platform, groupId, by, lifted.ok && lifted.exempted && seen ? await toldIfUnseen(lifted, lifted.exempted.memberId, seen, lang) : lifted);
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
        ...(result.change.overturns ? { overturns: result.change.overturns } : {}),
      });
    }
    return result;
  }
}

/**
 * Lifts a member's mute on the platform (Telegram's restriction, Discord's timeout): 'lifted', or
 * 'not_muted' when there was none to lift; rejects with the platform's refusal.
 */
export type Unmute = (memberId: string) => Promise<'lifted' | 'not_muted'>;

/** Whether the platform has seen the member in the group (they posted there, or its member list holds them). */
export type SeenMember = (memberId: string) => boolean | Promise<boolean>;

/**
 * An exemption of a member the platform has not seen in the group: still made (an admin may
 * exempt someone before they join), and the answer says so, since a mistyped id looked the same
 * as a real one (QA: "OK: exempted nobody_here").
 */
async function toldIfUnseen(result: Extract<CommandResult, { ok: true }>, memberId: string, seen: SeenMember, lang: Language, said: 'notSeenYet' | 'notSeenLookup' = 'notSeenYet'): Promise<CommandResult> {
  if (await seen(memberId)) return result;
  return { ...result, reply: `${result.reply}${fillTemplate(COMMAND_TEXTS[lang][said], { member: memberId })}` };
}

/**
 * A pardon's answer and ledger entry with what became of the member's mute: a pardoned member is
 * not left muted for strikes that are gone, and the owner hears when the platform refused.
 */
async function liftMute(result: Extract<CommandResult, { ok: true }>, unmute: Unmute, lang: Language): Promise<CommandResult> {
  const { lift, change } = result;
  if (!lift) return result;
  let line: string;
  let summary: string;
  try {
    if ((await unmute(lift.memberId)) === 'not_muted') return result;
    line = COMMAND_TEXTS[lang].muteLifted;
    summary = 'mute lifted';
  } catch (error) {
    const reason = plainText(errorText(error), 200);
    line = fillTemplate(COMMAND_TEXTS[lang].muteNotLifted, { error: reason });
    summary = `mute not lifted: ${reason}`;
  }
  return { ...result, reply: `${result.reply}\n${line}`, ...(change ? { change: { ...change, summary: `${change.summary}; ${summary}` } } : {}) };
}
