import { activeDebunks } from '../debunks/activeDebunks.js';
import type { Debunk } from '../debunks/schema.js';
import { describeIssues } from '../debunks/describeIssues.js';
import { formatFieldPath } from '../debunks/loadProblem.js';
import { createMatcher } from '../matching/matcher.js';
import type { Matcher } from '../matching/types.js';
import { GroupSettingsSchema, type GroupSettings } from '../rules/settingsSchema.js';
import type { KeyValueStore } from '../store/keyValueStore.js';
import type { ChatMessage } from './chatMessage.js';
import { decide } from './decide.js';
import type { Decision } from './decision.js';
import { KeyedLock } from '../lib/keyedLock.js';
import { activeStrikes, type ReplyRecord, type Strike } from './memberState.js';
import { mergeSettings, type SettingsOverride } from './mergeSettings.js';
import { stateKeys } from './stateKeys.js';

export interface EngineOptions {
  debunks: readonly Debunk[];
  /** The default rules, as written (rules/default.yaml) and as validated. */
  rules: { raw: unknown; settings: GroupSettings };
  store: KeyValueStore;
  /** The clock; tests pass a fake one. @defaultValue Date.now */
  now?: () => number;
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

export type ConfigureResult = { ok: true; settings: GroupSettings } | { ok: false; problems: string[] };

/** How long "this message was counted" is remembered, so a late edit does not count twice. */
const COUNTED_TTL_MS = 7 * 86_400_000;

/**
 * The shared rule engine: message + group settings + member history → Decision. Adapters call
 * `evaluate` and carry the decision out; nothing here knows a chat platform.
 */
export class Engine {
  private matcher: Matcher;
  private byId: Map<string, Debunk>;
  private readonly lock = new KeyedLock();
  private readonly settingsCache = new Map<string, GroupSettings>();
  private readonly now: () => number;

  constructor(private readonly options: EngineOptions) {
    this.now = options.now ?? Date.now;
    const live = activeDebunks(options.debunks, this.today());
    this.matcher = createMatcher(live);
    this.byId = new Map(live.map((d) => [d.id, d]));
  }

  /** Number of debunks in force. */
  get debunkCount(): number {
    return this.matcher.size;
  }

  /** Decides what to do about one message (and, unless dry-run, records strikes and replies). */
  evaluate(message: ChatMessage, opts: EvaluateOptions = {}): Promise<Decision> {
    if (opts.stateless) return Promise.resolve(this.evaluateStateless(message));
    return this.lock.run(message.groupId, async () => {
      const settings = await this.settingsFor(message.groupId);
      const { store } = this.options;
      const now = this.now();
      // Every scored match: decide() tells "below the suggest threshold" from "no match at all".
      const match = this.matcher.match(message.text, { minScore: Number.MIN_VALUE });
      const top = match.matches[0];
      const mode = settings.mode;
      const strikeKey = stateKeys.strikes(mode, message.groupId, message.member.id);
      const countedKey = stateKeys.counted(mode, message.groupId, message.messageId);
      const [strikes, lastReply, counted] = await Promise.all([
        store.get<Strike[]>(strikeKey),
        top ? store.get<ReplyRecord>(stateKeys.reply(mode, message.groupId, top.debunkId)) : undefined,
        store.get<string[]>(countedKey),
      ]);
      const active = activeStrikes(strikes ?? [], now, settings.strikes.decayDays);
      const { decision, changes } = decide({
        message,
        settings,
        match,
        debunks: this.byId,
        state: { strikes: active, ...(lastReply ? { lastReply } : {}), counted: counted ?? [] },
        now,
      });
      if (opts.dryRun) return decision;
      const decayMs = settings.strikes.decayDays * 86_400_000;
      const writes: Promise<void>[] = [];
      if (changes.strike) writes.push(store.set(strikeKey, [...active, changes.strike], decayMs));
      if (changes.reply) {
        const key = stateKeys.reply(mode, message.groupId, changes.reply.debunkId);
        writes.push(store.set(key, changes.reply.record, Math.max(60_000, settings.repeat.windowMinutes * 60_000)));
      }
      if (changes.counted) writes.push(store.set(countedKey, [...(counted ?? []), changes.counted], COUNTED_TTL_MS));
      await Promise.all(writes);
      return decision;
    });
  }

  private evaluateStateless(message: ChatMessage): Decision {
    const settings = this.settingsCache.get(message.groupId) ?? this.options.rules.settings;
    const match = this.matcher.match(message.text, { minScore: Number.MIN_VALUE });
    const { decision } = decide({ message, settings, match, debunks: this.byId, state: { strikes: [], counted: [] }, now: this.now() });
    decision.explain.push({ rule: 'store', fired: true, reason: 'store_unavailable' });
    return decision;
  }

  /** The group's settings: the defaults with the group's stored overrides. */
  async settingsFor(groupId: string): Promise<GroupSettings> {
    const cached = this.settingsCache.get(groupId);
    if (cached) return cached;
    const override = await this.options.store.get<SettingsOverride>(stateKeys.settings(groupId));
    const parsed = override ? GroupSettingsSchema.safeParse(mergeSettings(this.options.rules.raw, override)) : undefined;
    // An override that no longer validates (the defaults changed under it) falls back to defaults.
    const settings = parsed?.success ? parsed.data : this.options.rules.settings;
    this.settingsCache.set(groupId, settings);
    return settings;
  }

  /**
   * Changes a group's settings. The override is merged with what the group had, validated as a
   * whole, and stored only when valid; problems name the field.
   */
  configure(groupId: string, change: SettingsOverride): Promise<ConfigureResult> {
    return this.lock.run(groupId, async () => {
      const key = stateKeys.settings(groupId);
      const current = (await this.options.store.get<SettingsOverride>(key)) ?? {};
      const next = mergeSettings(current, change) as SettingsOverride;
      const data = mergeSettings(this.options.rules.raw, next);
      const parsed = GroupSettingsSchema.safeParse(data);
      if (!parsed.success) {
        const problems = describeIssues(parsed.error.issues, GroupSettingsSchema, data).map(
          (i) => (i.path.length > 0 ? `${formatFieldPath(i.path)}: ${i.message}` : i.message),
        );
        return { ok: false, problems };
      }
      await this.options.store.set(key, next);
      this.settingsCache.set(groupId, parsed.data);
      return { ok: true, settings: parsed.data };
    });
  }

  /** The member's active strikes in the group's current mode. */
  async strikesOf(groupId: string, memberId: string): Promise<Strike[]> {
    const settings = await this.settingsFor(groupId);
    const strikes = await this.options.store.get<Strike[]>(stateKeys.strikes(settings.mode, groupId, memberId));
    return activeStrikes(strikes ?? [], this.now(), settings.strikes.decayDays);
  }

  /** Removes a member's strikes (all, or the latest `count`); returns how many were removed. */
  pardon(groupId: string, memberId: string, count?: number): Promise<number> {
    return this.lock.run(groupId, async () => {
      const settings = await this.settingsFor(groupId);
      const key = stateKeys.strikes(settings.mode, groupId, memberId);
      const active = activeStrikes((await this.options.store.get<Strike[]>(key)) ?? [], this.now(), settings.strikes.decayDays);
      const keep = count === undefined ? [] : active.slice(0, Math.max(0, active.length - count));
      if (keep.length === 0) await this.options.store.delete(key);
      else await this.options.store.set(key, keep, settings.strikes.decayDays * 86_400_000);
      return active.length - keep.length;
    });
  }

  /** Swaps in a new database; messages keep matching against the old one until it is built. */
  async reload(debunks: readonly Debunk[]): Promise<void> {
    const live = activeDebunks(debunks, this.today());
    await this.matcher.update(live);
    this.byId = new Map(live.map((d) => [d.id, d]));
  }

  /**
   * The best matches for a text outside any group (a fact-check tipline: a member asks the bot in
   * private). Uses the default suggest threshold; changes no state.
   */
  lookup(text: string, limit = 3): { debunk: Debunk; score: number }[] {
    const { matches } = this.matcher.match(text, { limit, minScore: this.options.rules.settings.thresholds.suggest });
    return matches.flatMap((m) => {
      const debunk = this.byId.get(m.debunkId);
      return debunk ? [{ debunk, score: m.score }] : [];
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

  private today(): string {
    return new Date(this.now()).toISOString().slice(0, 10);
  }
}
