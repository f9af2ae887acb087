import { activeDebunks } from '../debunks/activeDebunks.js';
import type { Debunk } from '../debunks/schema.js';
import { describeIssues } from '../debunks/describeIssues.js';
import { formatFieldPath } from '../debunks/loadProblem.js';
import { createMatcher } from '../matching/matcher.js';
import type { Matcher, MessageMatch } from '../matching/types.js';
import { GroupSettingsSchema, type GroupSettings } from '../rules/settingsSchema.js';
import type { KeyValueStore } from '../store/keyValueStore.js';
import type { ChatMessage } from './chatMessage.js';
import { claimsToAct, decide, MAX_CLAIMS_PER_MESSAGE } from './decide.js';
import type { Decision } from './decision.js';
import type { ActionResult } from '../ledger/ledgerRecord.js';
import { KeyedLock } from '../lib/keyedLock.js';
import { activeStrikes, struckFor, type ReplyRecord, type Strike } from './memberState.js';
import { mergeSettings, type SettingsOverride } from './mergeSettings.js';
import { stateKeys } from './stateKeys.js';
import { replyLanguage } from './language.js';
import type { Language } from './templates.js';
import { prepareScripts } from './script.js';

export interface EngineOptions {
  debunks: readonly Debunk[];
  /** The default rules, as written (rules/default.yaml) and as validated. */
  rules: { raw: unknown; settings: GroupSettings };
  store: KeyValueStore;
  /** The clock; tests pass a fake one. @defaultValue Date.now */
  now?: () => number;
  /**
   * Per-group exceptions to the database: debunks retired in a group and matches the admins
   * found to be false positives. Asked only about a message that matched at or above the
   * suggest threshold.
   */
  exclusions?: ExclusionSource;
}

/** What a group keeps from matching: see {@link EngineOptions.exclusions}. */
export interface ExclusionSource {
  /** The debunk ids that must not match this message in this group. */
  excludedFor(groupId: string, messageId: string, text: string, candidates: readonly string[]): Promise<ReadonlySet<string>>;
  /** Gives a group (a chat that got a new id) another's exclusions too; true when there were any. */
  carryOver?(fromGroupId: string, toGroupId: string): Promise<boolean>;
}

export interface EvaluateOptions {
  /** Decide and explain, but change no state (no strike, no repeat record). */
  dryRun?: boolean;
  /**
   * Decide without the store (it is unreachable): the group's last known settings, no strikes,
   * no repeat window, nothing written. The member gets the refutation and the incident is still
   * logged, instead of the message going unanswered.
   */
  stateless?: boolean;
}

/** A settings change: an override, or one computed from the group's current settings. */
export type SettingsChange = SettingsOverride | ((current: GroupSettings) => SettingsOverride);

/** The group's settings after a change, with the override that was applied; or why it was refused. */
export type ConfigureResult = { ok: true; settings: GroupSettings; override: SettingsOverride } | { ok: false; problems: string[] };


/** Keys of the engine's turns (see KeyedLock): NUL never occurs in platform ids. */
const lockKeys = {
  rumor: (group: string, debunkId: string) => `${group}\u0000rumor\u0000${debunkId}`,
  member: (group: string, memberId: string) => `${group}\u0000member\u0000${memberId}`,
};

/**
 * How long an Engine uses a group's settings before reading them again. Its own changes apply
 * at once; another process's (a second bot on the same store) apply within this time.
 */
export const SETTINGS_CACHE_MS = 5_000;

const NO_IDS: ReadonlySet<string> = new Set();

/**
 * The shared rule engine: message + group settings + member history → Decision. Adapters call
 * `evaluate` and carry the decision out; nothing here knows a chat platform.
 */
export class Engine {
  private matcher: Matcher;
  private byId: Map<string, Debunk>;
  /** Debunks that serve one group only (written by that group's admins): id → group. */
  private scopes: ReadonlyMap<string, string> = new Map();
  private readonly lock = new KeyedLock();
  private readonly settingsCache = new Map<string, { settings: GroupSettings; readAt: number }>();
  private readonly now: () => number;

  constructor(private readonly options: EngineOptions) {
    this.now = options.now ?? Date.now;
    const live = activeDebunks(options.debunks, this.today());
    this.matcher = createMatcher(live);
    this.byId = new Map(live.map((d) => [d.id, d]));
    // A Chinese member is answered in their script (see writesTraditional): its tables are built
    // now rather than on the first Chinese message.
    if (live.some((d) => d.lang.startsWith('zh'))) prepareScripts();
  }

  /** Number of debunks in force. */
  get debunkCount(): number {
    return this.matcher.size;
  }

  /**
   * Decides what to do about one message (and, unless dry-run, records strikes and replies). The
   * store is asked only as far as the decision needs it: nothing for a message that matches no
   * rumor (most messages), the member's strikes for one that is logged, and for one that may act
   * the strikes (one atomic update), the last refutation of the rumor, and who earned a strike.
   */
  evaluate(message: ChatMessage, opts: EvaluateOptions = {}): Promise<Decision> {
    if (opts.stateless) return Promise.resolve(this.evaluateStateless(message));
    // Every scored match: decide() tells "below the suggest threshold" from "no match at all".
    const scoped = this.scopedMatch(message);
    // What a decision reads and writes: the last reply of each rumor it may answer and the member's
    // strikes. Messages of one rumor, or of one member, take turns, in arrival order; a different
    // rumor by another member goes ahead at once, however many of the first a flood has waiting.
    // An edit may take back the member's strike, whatever it matches now.
    const rumors = scoped.matches.slice(0, MAX_CLAIMS_PER_MESSAGE).map((m) => lockKeys.rumor(message.groupId, m.debunkId));
    const keys = rumors.length > 0 || message.edited ? [...rumors, lockKeys.member(message.groupId, message.member.id)] : [];
    return this.lock.runAll(keys, async () => {
      const settings = await this.settingsFor(message.groupId);
      const { store } = this.options;
      const now = this.now();
      // Without the group's exclusions (retired debunks, false positives), once they are known.
      const { match, excluded } = await this.withoutExclusions(message, scoped, settings.thresholds.suggest);
      const top = match.matches[0];
      const claims = claimsToAct(match, settings, this.byId);
      const mode = settings.mode;
      const decayDays = settings.strikes.decayDays;
      // A rumor's last refutation in the language this message is answered in (see stateKeys.reply).
      const language = replyLanguage(settings.language, message.text);
      const replyKey = (debunkId: string) => stateKeys.reply(mode, message.groupId, debunkId, language, message.channelId);
      const passedKey = (debunkId: string) => stateKeys.passedOver(mode, message.groupId, debunkId, language, message.member.id, message.channelId);
      let passedOver: string[] = [];
      const decideOn = (strikes: readonly Strike[] | undefined, lastReplies: Readonly<Record<string, ReplyRecord>> = {}) =>
        decide({
          message,
          settings,
          match,
          ...(excluded.length > 0 ? { excluded } : {}),
          debunks: this.byId,
          state: {
            strikes: activeStrikes(strikes ?? [], now, decayDays),
            lastReplies,
            // A message counts once per rumor: an edit, or the same message handled twice (a
            // redelivery, two processes), finds its strike already there, or (a member without
            // strikes, an exempt admin) the refutation it got.
            counted: [
              ...(strikes ?? []).filter((s) => s.messageId === message.messageId).flatMap(struckFor),
              ...Object.entries(lastReplies).flatMap(([debunkId, r]) => (r.messageId === message.messageId && !r.asked && !r.withdrawn ? [debunkId] : [])),
            ],
            ...(passedOver.length > 0 ? { passedOver } : {}),
          },
          now,
        });
      const matched = top !== undefined && top.score >= settings.thresholds.suggest;
      if (!matched && !message.edited) return decideOn(undefined).decision;
      const strikeKey = stateKeys.strikes(mode, message.groupId, message.member.id);
      // The last refutation of each rumor acted on (one read each, at most MAX_CLAIMS_PER_MESSAGE).
      const repliesOf = async (): Promise<Record<string, ReplyRecord>> => {
        const found = await Promise.all(
          claims.map(async (c) => [c.debunkId, await store.get<ReplyRecord>(replyKey(c.debunkId))] as const),
        );
        return Object.fromEntries(found.filter((f): f is readonly [string, ReplyRecord] => f[1] !== undefined));
      };
      // Of those, the ones that still stand, and the messages of those found not to be the rumor.
      const standing = async (stored: Record<string, ReplyRecord>) => {
        const lastReplies: Record<string, ReplyRecord> = {};
        const overturned = new Map<string, string>();
        for (const [debunkId, r] of Object.entries(stored)) {
          const kept = await this.notOverturned(message.groupId, debunkId, r);
          if (kept) lastReplies[debunkId] = kept;
          else overturned.set(debunkId, r.messageId);
        }
        return { lastReplies, overturned };
      };
      // Logged only: the ledger still says how many strikes the member has. (An edit may take a
      // strike back: it goes the way of a strike, below.)
      if (opts.dryRun || (claims.length === 0 && !message.edited)) {
        const [strikes, stored] = await Promise.all([store.get<Strike[]>(strikeKey), opts.dryRun ? repliesOf() : Promise.resolve<Record<string, ReplyRecord>>({})]);
        return decideOn(strikes, (await standing(stored)).lastReplies).decision;
      }
      const [stored, passed] = await Promise.all([repliesOf(), Promise.all(claims.map((c) => store.get<true>(passedKey(c.debunkId))))]);
      // The reply to a message found not to be the rumor is replaced by the one this message gets.
      const { lastReplies, overturned } = await standing(stored);
      passedOver = claims.filter((_, i) => passed[i] === true).map((c) => c.debunkId);
      // Another process may share the group (Discord shards, two bots on one store): the strike is
      // added (or an edit's taken back) by an atomic update that decides again on the strikes
      // stored at that moment, so the ladder step and the count always agree; a decision without
      // a strike writes nothing.
      let outcome = decideOn(undefined, lastReplies);
      await store.update<Strike[]>(
        strikeKey,
        (current) => {
          outcome = decideOn(current, lastReplies);
          const { strike, withdraw } = outcome.changes;
          if (strike) return [...activeStrikes(current ?? [], now, decayDays), strike];
          if (!withdraw) return current;
          const keep = activeStrikes(current ?? [], now, decayDays).filter((s) => s.messageId !== withdraw.messageId);
          return keep.length > 0 ? keep : undefined;
        },
        decayDays * 86_400_000,
      );
      const writes: Promise<unknown>[] = [];
      if (outcome.changes.strike) writes.push(store.set(stateKeys.struck(mode, message.groupId, message.messageId), message.member.id, decayDays * 86_400_000));
      if (outcome.changes.withdraw) {
        writes.push(store.delete(stateKeys.struck(mode, message.groupId, message.messageId)));
        // The refutation under the message no longer stands for a counted offence: edited back
        // into the rumor, the message counts again (and gets no second refutation).
        for (const debunkId of outcome.decision.withdrawn?.debunkIds ?? []) {
          writes.push(
            store.update<ReplyRecord>(
              replyKey(debunkId),
              (current) => (current && current.messageId === message.messageId ? { ...current, withdrawn: true } : current),
              Math.max(60_000, settings.repeat.windowMinutes * 60_000),
            ),
          );
        }
      }
      const { replies = [], pointed = [], passedOver: passedBy = [] } = outcome.changes;
      const windowMs = settings.repeat.windowMinutes * 60_000;
      for (const reply of replies) {
        // A refutation another process posted within the window stays the one pointed to.
        writes.push(
          store.update<ReplyRecord>(
            replyKey(reply.debunkId),
            (current) => (current && now - current.at < windowMs && current.messageId !== overturned.get(reply.debunkId) ? current : reply.record),
            Math.max(60_000, windowMs),
          ),
        );
      }
      for (const p of pointed) {
        writes.push(
          store.update<ReplyRecord>(replyKey(p.debunkId), (current) => (current && now - current.at < windowMs ? pointTo(current, p, now) : current), Math.max(60_000, windowMs)),
        );
        if (!p.paced) writes.push(store.delete(passedKey(p.debunkId)));
      }
      for (const p of passedBy) writes.push(store.set(passedKey(p.debunkId), true, Math.max(60_000, windowMs)));
      await Promise.all(writes);
      return outcome.decision;
    });
  }

  /**
   * What became of a message's refutation, once the platform answered: a refutation that was not
   * posted (failed, or cut off by a shutdown) is no refutation to point later messages to, so its
   * record goes and the next message of the rumor is answered in full (a pointer to it linked to a
   * message where no answer was); a refutation posted under a message that was then deleted keeps
   * pointing, without the link to the deleted message. Only the record this message made is
   * touched: another process's later refutation stays.
   */
  async settleReply(message: ChatMessage, decision: Decision, results: readonly ActionResult[]): Promise<void> {
    const reply = decision.actions.find((a) => a.type === 'reply_refutation');
    if (!reply) return;
    const result = (type: string) => results.find((r) => r.type === type);
    const replied = result('reply_refutation');
    const unsent = replied !== undefined && (replied.status === 'failed' || (replied.status === 'skipped' && replied.reason === 'shutdown'));
    const deleted = result('delete')?.status === 'done';
    if (!unsent && !deleted) return;
    const settings = await this.settingsFor(message.groupId);
    const ttlMs = Math.max(60_000, settings.repeat.windowMinutes * 60_000);
    // One reply may answer several rumors (see ActionIntent reply_refutation `also`): each one's record.
    const debunkIds = [reply.debunkId, ...(reply.also ?? []).map((r) => r.debunkId)];
    await this.lock.runAll(
      debunkIds.map((id) => lockKeys.rumor(message.groupId, id)),
      () =>
        Promise.all(
          debunkIds.map((id) =>
            this.options.store.update<ReplyRecord>(
              stateKeys.reply(settings.mode, message.groupId, id, decision.language, message.channelId),
              (current) => {
                if (!current || current.messageId !== message.messageId) return current;
                if (unsent) return undefined;
                const { link: _gone, ...rest } = current;
                return current.link === undefined ? current : rest;
              },
              ttlMs,
            ),
          ),
        ),
    );
  }

  /**
   * A refutation posted outside the rules (an admin accepted a report, and the bot answered the
   * reported message): recorded as the rumor's last refutation where that message is, unless one
   * is already in its window, so the next post of the rumor gets a pointer to it rather than a
   * second refutation (real-client QA).
   */
  async noteAnswered(message: ChatMessage, debunkId: string, language: Language): Promise<void> {
    const settings = await this.settingsFor(message.groupId);
    const windowMs = settings.repeat.windowMinutes * 60_000;
    if (windowMs <= 0) return;
    const now = this.now();
    const record: ReplyRecord = { at: now, messageId: message.messageId, memberId: message.member.id, ...(message.link ? { link: message.link } : {}) };
    await this.lock.runAll([lockKeys.rumor(message.groupId, debunkId)], () =>
      this.options.store.update<ReplyRecord>(
        stateKeys.reply(settings.mode, message.groupId, debunkId, language, message.channelId),
        (current) => (current && now - current.at < windowMs ? current : record),
        Math.max(60_000, windowMs),
      ),
    );
  }

  /**
   * A group that got a new id (a Telegram group upgraded to a supergroup) keeps what its admins
   * excluded under the old one: retired debunks and false positives. True when there was any.
   */
  async carryExclusions(fromGroupId: string, toGroupId: string): Promise<boolean> {
    return (await this.options.exclusions?.carryOver?.(fromGroupId, toGroupId)) ?? false;
  }

  private evaluateStateless(message: ChatMessage): Decision {
    // The last settings read, however old: better than the defaults while the store is away.
    const settings = this.settingsCache.get(message.groupId)?.settings ?? this.options.rules.settings;
    const match = this.matcher.match(message.text, { minScore: Number.MIN_VALUE, exclude: this.othersScoped(message.groupId) });
    const { decision } = decide({ message, settings, match, debunks: this.byId, state: { strikes: [], counted: [] }, now: this.now() });
    decision.explain.push({ rule: 'store', fired: true, reason: 'store_unavailable' });
    // Decided as a first offence, but nothing was counted: the record says so rather than "strike 1"
    // (the member's strikes, asked after the outage, were never 1 because of it).
    return { ...decision, strikes: { before: 0, after: 0 } };
  }

  /** The message's matches in its group: without the debunks that serve other groups only. */
  private scopedMatch(message: ChatMessage): MessageMatch {
    const others = this.othersScoped(message.groupId);
    return this.matcher.match(message.text, { minScore: Number.MIN_VALUE, ...(others.size > 0 ? { exclude: others } : {}) });
  }

  /**
   * `match` without the group's exclusions (retired debunks, false positives), looked up only
   * when the best match reaches `suggest`; matched again only when one applies.
   */
  private async withoutExclusions(message: ChatMessage, match: MessageMatch, suggest: number): Promise<{ match: MessageMatch; excluded: string[] }> {
    const top = match.matches[0];
    if (!this.options.exclusions || !top || top.score < suggest) return { match, excluded: [] };
    const excluded = await this.options.exclusions.excludedFor(
      message.groupId,
      message.messageId,
      message.text,
      match.matches.map((m) => m.debunkId),
    );
    if (excluded.size === 0) return { match, excluded: [] };
    const rest = this.matcher.match(message.text, { minScore: Number.MIN_VALUE, exclude: new Set([...this.othersScoped(message.groupId), ...excluded]) });
    return { match: rest, excluded: [...excluded] };
  }

  /** Debunks that serve another group only. */
  private othersScoped(groupId: string): ReadonlySet<string> {
    if (this.scopes.size === 0) return NO_IDS;
    const others = new Set<string>();
    for (const [id, group] of this.scopes) if (group !== groupId) others.add(id);
    return others;
  }

  /**
   * The group's settings: the defaults with the group's stored overrides. Kept for
   * SETTINGS_CACHE_MS, so a change made by another process applies within that time.
   */
  async settingsFor(groupId: string): Promise<GroupSettings> {
    const cached = this.settingsCache.get(groupId);
    if (cached && this.now() - cached.readAt < SETTINGS_CACHE_MS) return cached.settings;
    const settings = this.settingsFrom(await this.options.store.get<SettingsOverride>(stateKeys.settings(groupId)));
    this.settingsCache.set(groupId, { settings, readAt: this.now() });
    return settings;
  }

  /**
   * Changes a group's settings. The change (an override, or one computed from the group's
   * current settings) is merged with what the group has, validated as a whole, and stored only
   * when valid; problems name the field. Read, merge and write are one atomic update of the
   * store, so two changes at once, from this process or another, both stand. A computed change
   * may be called more than once and must only compute.
   */
  configure(groupId: string, change: SettingsChange): Promise<ConfigureResult> {
    return this.lock.run(groupId, async () => {
      // Set by the change's last run, the one stored (the cast keeps TypeScript from narrowing it).
      let result = { ok: false, problems: [] } as ConfigureResult;
      await this.options.store.update<SettingsOverride>(stateKeys.settings(groupId), (stored) => {
        const checked = this.applyChange(stored, change);
        result = checked.result;
        return checked.result.ok ? checked.next : stored;
      });
      if (result.ok) this.settingsCache.set(groupId, { settings: result.settings, readAt: this.now() });
      return result;
    });
  }

  /**
   * What `configure` would make of a change, validated the same way, without storing it: the
   * dashboard's preview checks a form with it before anything is saved.
   */
  async checkSettings(groupId: string, change: SettingsChange): Promise<ConfigureResult> {
    const stored = await this.options.store.get<SettingsOverride>(stateKeys.settings(groupId));
    return this.applyChange(stored, change).result;
  }

  /** The group's stored override with a change merged in, and the settings it validates to (or why not). */
  private applyChange(stored: SettingsOverride | undefined, change: SettingsChange): { next: SettingsOverride; result: ConfigureResult } {
    const override = typeof change === 'function' ? change(this.settingsFrom(stored)) : change;
    const next = mergeSettings(stored ?? {}, override) as SettingsOverride;
    const data = mergeSettings(this.options.rules.raw, next);
    const parsed = GroupSettingsSchema.safeParse(data);
    if (!parsed.success) {
      const problems = describeIssues(parsed.error.issues, GroupSettingsSchema, data).map(
        (i) => (i.path.length > 0 ? `${formatFieldPath(i.path)}: ${i.message}` : i.message),
      );
      return { next, result: { ok: false, problems } };
    }
    return { next, result: { ok: true, settings: parsed.data, override } };
  }

  /** The defaults with a stored override; one that no longer validates (the defaults changed under it) falls back to the defaults. */
  private settingsFrom(override: SettingsOverride | undefined): GroupSettings {
    const parsed = override ? GroupSettingsSchema.safeParse(mergeSettings(this.options.rules.raw, override)) : undefined;
    return parsed?.success ? parsed.data : this.options.rules.settings;
  }

  /** The member's active strikes in the group's current mode. */
  async strikesOf(groupId: string, memberId: string): Promise<Strike[]> {
    const settings = await this.settingsFor(groupId);
    const strikes = await this.options.store.get<Strike[]>(stateKeys.strikes(settings.mode, groupId, memberId));
    return activeStrikes(strikes ?? [], this.now(), settings.strikes.decayDays);
  }

  /** Removes a member's strikes (all, or the latest `count`); returns how many were removed. */
  pardon(groupId: string, memberId: string, count?: number): Promise<number> {
    return this.lock.run(lockKeys.member(groupId, memberId), async () => {
      const settings = await this.settingsFor(groupId);
      const decayDays = settings.strikes.decayDays;
      const now = this.now();
      let removed = 0;
      await this.options.store.update<Strike[]>(
        stateKeys.strikes(settings.mode, groupId, memberId),
        (current) => {
          const active = activeStrikes(current ?? [], now, decayDays);
          const keep = count === undefined ? [] : active.slice(0, Math.max(0, active.length - count));
          removed = active.length - keep.length;
          return keep.length > 0 ? keep : undefined;
        },
        decayDays * 86_400_000,
      );
      return removed;
    });
  }

  /**
   * The rumor's last refutation here, unless the message it answered was found not to be that
   * rumor (an admin accepted "not a rumor"): a pointer must not send people to it, and the next
   * post gets the refutation in full (QA: "This rumor was answered …" linked the cleared message).
   */
  private async notOverturned(groupId: string, debunkId: string, reply: ReplyRecord | undefined): Promise<ReplyRecord | undefined> {
    if (!reply || !this.options.exclusions) return reply;
    const excluded = await this.options.exclusions.excludedFor(groupId, reply.messageId, '', [debunkId]);
    return excluded.has(debunkId) ? undefined : reply;
  }

  /**
   * Takes back the strike a message earned (an admin accepted that it was not a rumor). Returns
   * the member and how many strikes were removed (0 when the message earned none, or it decayed).
   */
  async withdrawStrike(groupId: string, messageId: string): Promise<{ memberId?: string; removed: number }> {
    const found = await this.options.store.get<string>(stateKeys.struck((await this.settingsFor(groupId)).mode, groupId, messageId));
    if (found === undefined) return { removed: 0 };
    return this.lock.run(lockKeys.member(groupId, found), async () => {
      const settings = await this.settingsFor(groupId);
      const { store } = this.options;
      // Read again under the member's turn: a message evaluated meanwhile may have changed it.
      const memberId = await store.get<string>(stateKeys.struck(settings.mode, groupId, messageId));
      if (memberId === undefined) return { removed: 0 };
      const decayDays = settings.strikes.decayDays;
      let removed = 0;
      await store.update<Strike[]>(
        stateKeys.strikes(settings.mode, groupId, memberId),
        (current) => {
          const active = activeStrikes(current ?? [], this.now(), decayDays);
          const keep = active.filter((s) => s.messageId !== messageId);
          removed = active.length - keep.length;
          return keep.length > 0 ? keep : undefined;
        },
        decayDays * 86_400_000,
      );
      await store.delete(stateKeys.struck(settings.mode, groupId, messageId));
      return { memberId, removed };
    });
  }

  /**
   * Swaps in a new database; messages keep matching against the old one until it is built.
   * `scopes` names the debunks that serve one group only (id → group).
   */
  async reload(debunks: readonly Debunk[], scopes: ReadonlyMap<string, string> = new Map()): Promise<void> {
    const live = activeDebunks(debunks, this.today());
    await this.matcher.update(live);
    this.byId = new Map(live.map((d) => [d.id, d]));
    this.scopes = scopes;
  }

  /**
   * The best matches for a text outside any group (a fact-check tipline: a member asks the bot in
   * private). Uses the default suggest threshold; changes no state.
   */
  lookup(text: string, limit = 3): { debunk: Debunk; score: number }[] {
    // Outside any group, a group's own debunks stay with the group.
    const { matches } = this.matcher.match(text, { limit, minScore: this.options.rules.settings.thresholds.suggest, exclude: new Set(this.scopes.keys()) });
    return matches.flatMap((m) => {
      const debunk = this.byId.get(m.debunkId);
      return debunk ? [{ debunk, score: m.score }] : [];
    });
  }

  /**
   * Why a text matches what it matches, against the database in force now: the matched phrase,
   * the excerpt and the stance, for an owner reviewing an incident. Changes no state.
   */
  explainText(text: string, limit = 3): MessageMatch {
    return this.matcher.match(text, { limit, minScore: this.options.rules.settings.thresholds.suggest });
  }

  /**
   * What `settings` would have decided about these messages, in order, as if they were the only
   * ones: each member's strikes and each rumor's last refutation are counted from the first of
   * them, and nothing is stored. For previews of a rules change.
   */
  replay(messages: readonly ChatMessage[], settings: GroupSettings): Decision[] {
    const strikes = new Map<string, Strike[]>();
    const replies = new Map<string, ReplyRecord>();
    /** Members passed over (see MessageState.passedOver), by where the refutation is kept and member. */
    const passed = new Set<string>();
    /** A rumor's last refutation is kept per language and channel (see stateKeys.reply). */
    const where = (debunkId: string, message: ChatMessage) => JSON.stringify([debunkId, replyLanguage(settings.language, message.text), message.channelId ?? null]);
    /** A member passed over where a rumor's refutation is kept (see stateKeys.passedOver). */
    const passedWhere = (debunkId: string, message: ChatMessage) => JSON.stringify([where(debunkId, message), message.member.id]);
    return messages.map((message) => {
      const match = this.matcher.match(message.text, { minScore: Number.MIN_VALUE, exclude: this.othersScoped(message.groupId) });
      const claims = claimsToAct(match, settings, this.byId);
      const now = message.sentAt;
      const own = activeStrikes(strikes.get(message.member.id) ?? [], now, settings.strikes.decayDays);
      const lastReplies: Record<string, ReplyRecord> = {};
      for (const c of claims) {
        const r = replies.get(where(c.debunkId, message));
        if (r) lastReplies[c.debunkId] = r;
      }
      const passedOver = claims.filter((c) => passed.has(passedWhere(c.debunkId, message))).map((c) => c.debunkId);
      const state = { strikes: own, lastReplies, counted: [], ...(passedOver.length > 0 ? { passedOver } : {}) };
      const { decision, changes } = decide({ message, settings, match, debunks: this.byId, state, now });
      if (changes.strike) strikes.set(message.member.id, [...own, changes.strike]);
      const windowMs = settings.repeat.windowMinutes * 60_000;
      for (const reply of changes.replies ?? []) {
        const current = replies.get(where(reply.debunkId, message));
        if (!current || now - current.at >= windowMs) replies.set(where(reply.debunkId, message), reply.record);
      }
      for (const pointed of changes.pointed ?? []) {
        const current = replies.get(where(pointed.debunkId, message));
        if (current && now - current.at < windowMs) replies.set(where(pointed.debunkId, message), pointTo(current, pointed, now));
        if (!pointed.paced) passed.delete(passedWhere(pointed.debunkId, message));
      }
      for (const p of changes.passedOver ?? []) passed.add(passedWhere(p.debunkId, message));
      return decision;
    });
  }

  /** Debunks in force, for adapters that must find one by a short key (a button's data). */
  debunks(): IterableIterator<Debunk> {
    return this.byId.values();
  }

  /** The debunk with this id, if it is in force. */
  debunk(id: string): Debunk | undefined {
    return this.byId.get(id);
  }

  /** The group a debunk serves alone, or undefined for one that serves every group. */
  scopeOf(id: string): string | undefined {
    return this.scopes.get(id);
  }

  private today(): string {
    return new Date(this.now()).toISOString().slice(0, 10);
  }
}

/** `record` after a pointer to it went to `memberId`: a paced one marks the time (see ReplyRecord.pointedAt). */
function pointTo(record: ReplyRecord, pointed: { memberId: string; paced: boolean }, now: number): ReplyRecord {
  return pointed.paced ? { ...record, pointedAt: now, pointedTo: pointed.memberId } : { ...record, pointedTo: pointed.memberId };
}
