import type { ExclusionSource } from '../engine/engine.js';
import { minHash, nearDuplicate } from '../matching/minHash.js';
import type { KeyValueStore } from '../store/keyValueStore.js';
import { storeKey } from '../store/storeKey.js';

/** A match the admins found wrong: this debunk must not fire on this message, nor on near copies of it. */
export interface FalsePositive {
  debunkId: string;
  messageId: string;
  /** MinHash of the message text (empty when the text was not known: then the message id alone). */
  signature: number[];
  at: number;
  by: string;
}

/** A group's exceptions to the shared database. */
export interface GroupExclusionState {
  /** Debunks the group's admins retired for the group. */
  retired: string[];
  falsePositives: FalsePositive[];
}

/** False positives a group keeps: the oldest give way (a flood of disputes cannot grow the store). */
export const MAX_FALSE_POSITIVES = 500;
/**
 * How long another process's change takes to apply here (this process's own apply at once): read
 * only for messages that matched, at most this often per group, so the message path barely feels it.
 */
export const EXCLUSIONS_CACHE_MS = 30_000;

const key = (groupId: string) => storeKey('exclusions', groupId);

/**
 * Per-group exclusions kept in the store (so every bot process applies them): retired debunks
 * and recorded false positives. The engine asks it about a message that matched.
 */
export class GroupExclusions implements ExclusionSource {
  private readonly cache = new Map<string, { state: GroupExclusionState; readAt: number }>();

  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => number = Date.now,
  ) {}

  async excludedFor(groupId: string, messageId: string, text: string, candidates: readonly string[]): Promise<ReadonlySet<string>> {
    const state = await this.read(groupId);
    const excluded = new Set(state.retired.filter((id) => candidates.includes(id)));
    const relevant = state.falsePositives.filter((f) => candidates.includes(f.debunkId) && !excluded.has(f.debunkId));
    if (relevant.length === 0) return excluded;
    const signature = minHash(text);
    for (const f of relevant) {
      if (f.messageId === messageId || (f.signature.length > 0 && nearDuplicate(f.signature, signature))) excluded.add(f.debunkId);
    }
    return excluded;
  }

  /** Records a false positive: `debunkId` no longer fires on this message or its near copies in the group. */
  async addFalsePositive(groupId: string, f: Omit<FalsePositive, 'signature' | 'at'> & { text?: string }): Promise<void> {
    const entry: FalsePositive = { debunkId: f.debunkId, messageId: f.messageId, signature: f.text ? minHash(f.text) : [], at: this.now(), by: f.by };
    await this.change(groupId, (s) => ({ ...s, falsePositives: [...s.falsePositives, entry].slice(-MAX_FALSE_POSITIVES) }));
  }

  /** Retires a debunk in the group (or brings it back); true when that changed anything. */
  async setRetired(groupId: string, debunkId: string, retired: boolean): Promise<boolean> {
    let changed = false;
    await this.change(groupId, (s) => {
      const has = s.retired.includes(debunkId);
      changed = has !== retired;
      if (!changed) return s;
      return { ...s, retired: retired ? [...s.retired, debunkId] : s.retired.filter((id) => id !== debunkId) };
    });
    return changed;
  }

  /** Adds `from`'s retired debunks and false positives to `to`'s; true when `from` had any. */
  async carryOver(fromGroupId: string, toGroupId: string): Promise<boolean> {
    const from = (await this.store.get<GroupExclusionState>(key(fromGroupId))) ?? EMPTY;
    if (from.retired.length === 0 && from.falsePositives.length === 0) return false;
    await this.change(toGroupId, (s) => ({
      retired: [...new Set([...s.retired, ...from.retired])],
      falsePositives: [...s.falsePositives, ...from.falsePositives].slice(-MAX_FALSE_POSITIVES),
    }));
    return true;
  }

  /** The group's exclusions as stored now (cached for EXCLUSIONS_CACHE_MS). */
  async read(groupId: string): Promise<GroupExclusionState> {
    const cached = this.cache.get(groupId);
    if (cached && this.now() - cached.readAt < EXCLUSIONS_CACHE_MS) return cached.state;
    const state = (await this.store.get<GroupExclusionState>(key(groupId))) ?? EMPTY;
    this.remember(groupId, state);
    return state;
  }

  private async change(groupId: string, change: (s: GroupExclusionState) => GroupExclusionState): Promise<void> {
    const stored = await this.store.update<GroupExclusionState>(key(groupId), (current) => {
      const before = current ?? EMPTY;
      const after = change(before);
      return after === before ? current : after;
    });
    this.remember(groupId, stored ?? EMPTY);
  }

  private remember(groupId: string, state: GroupExclusionState): void {
    this.cache.delete(groupId);
    this.cache.set(groupId, { state, readAt: this.now() });
    // Bounded: the groups seen lately.
    if (this.cache.size > 10_000) this.cache.delete(this.cache.keys().next().value!);
  }
}

const EMPTY: GroupExclusionState = { retired: [], falsePositives: [] };
