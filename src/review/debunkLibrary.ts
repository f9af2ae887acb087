import { debunkVersion } from '../debunks/debunkVersion.js';
import type { Debunk } from '../debunks/schema.js';
import type { Engine } from '../engine/engine.js';
import type { KeyValueStore } from '../store/keyValueStore.js';
import { storeKey } from '../store/storeKey.js';

/** A debunk written by review (an admin accepting a report), kept in the store. */
export interface LearnedDebunk {
  debunk: Debunk;
  /** `all`: every group on this store; otherwise the one group it serves. */
  scope: 'all' | string;
  by: { platform: string; id: string; name: string };
  at: number;
}

/** What review wrote and retired, shared by every bot process on the store. */
interface LearnedState {
  /** Bumped by every change, so other processes see there is something new. */
  version: number;
  entries: LearnedDebunk[];
  /** Ids retired for every group (an operator's `/rg retire`), from any source. */
  retired: string[];
}

/** What {@link DebunkLibrary.revise} did: `changed_meanwhile` carries the entry as stored now. */
export type ReviseOutcome = { ok: true } | { ok: false; reason: 'gone' | 'duplicate' } | { ok: false; reason: 'changed_meanwhile'; current: Debunk };

/** Debunks review may keep in the store; past this the oldest give way. */
export const MAX_LEARNED = 5_000;
/** How often a process looks for what other processes wrote. @defaultValue 30 s */
export const LIBRARY_POLL_MS = 30_000;

const KEY = storeKey('learned-debunks');
const EMPTY: LearnedState = { version: 0, entries: [], retired: [] };

/**
 * The database the engine matches against, from its three sources: the debunk files (watched),
 * the operator's feeds, and what review wrote to the store. Any change is merged (a file's entry
 * wins over a feed's or review's of the same id), retired ids and expired entries left out, and
 * swapped into the engine at once; messages keep matching the old database while the new one is
 * built. Every process on the store polls it, so a debunk written in one applies in all.
 */
export class DebunkLibrary {
  private files: readonly Debunk[];
  private readonly feeds = new Map<string, readonly Debunk[]>();
  private learned: LearnedState = EMPTY;
  private day: string;
  private timer: NodeJS.Timeout | undefined;
  /** Rebuilds run one after another, so the engine never ends on an older database. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly engine: Engine,
    private readonly store: KeyValueStore,
    files: readonly Debunk[],
    private readonly now: () => number = Date.now,
  ) {
    this.files = files;
    this.day = this.today();
  }

  /** Reads what review stored and swaps the merged database in. */
  async start(pollMs: number = LIBRARY_POLL_MS): Promise<void> {
    if (pollMs > 0) {
      this.timer = setInterval(() => void this.refresh().catch(() => undefined), pollMs);
      this.timer.unref();
    }
    // A store that fails now is read again at the next poll; the files serve meanwhile.
    await this.refresh(true).catch(() => undefined);
  }

  close(): void {
    clearInterval(this.timer);
  }

  /** The files' entries changed (the watcher loaded them and they are valid). */
  setFiles(debunks: readonly Debunk[]): Promise<void> {
    this.files = debunks;
    return this.rebuild();
  }

  /** A feed's entries, replacing what the feed gave before. */
  setFeed(name: string, debunks: readonly Debunk[]): Promise<void> {
    this.feeds.set(name, debunks);
    return this.rebuild();
  }

  /** Every id in the database now, with where it comes from (for unique ids and `/rg retire`). */
  sourceOf(id: string): 'file' | 'feed' | 'review' | undefined {
    if (this.files.some((d) => d.id === id)) return 'file';
    if (this.learned.entries.some((e) => e.debunk.id === id)) return 'review';
    for (const list of this.feeds.values()) if (list.some((d) => d.id === id)) return 'feed';
    return undefined;
  }

  /** The learned entry with this id. */
  learnedEntry(id: string): LearnedDebunk | undefined {
    return this.learned.entries.find((e) => e.debunk.id === id);
  }

  /**
   * Stores a debunk written by review and swaps it in; refused when its id is taken (in any
   * source). Resolves once the engine matches it.
   */
  async learn(entry: LearnedDebunk): Promise<{ ok: true } | { ok: false; reason: 'duplicate' }> {
    if (this.sourceOf(entry.debunk.id) !== undefined) return { ok: false, reason: 'duplicate' };
    let duplicate = false;
    const stored = await this.store.update<LearnedState>(KEY, (current) => {
      const state = current ?? EMPTY;
      duplicate = state.entries.some((e) => e.debunk.id === entry.debunk.id);
      if (duplicate) return current;
      return { ...state, version: state.version + 1, entries: [...state.entries, entry].slice(-MAX_LEARNED) };
    });
    if (duplicate) return { ok: false, reason: 'duplicate' };
    this.learned = stored ?? EMPTY;
    await this.rebuild();
    return { ok: true };
  }

  /**
   * Replaces a debunk review wrote with an admin's edit of it (the dashboard's editor), keeping
   * whom it serves and who accepted it. `version` is the entry's {@link debunkVersion} when the
   * admin opened it: refused when the entry changed since (someone else's edit), is gone, or
   * when a new id is taken.
   */
  async revise(id: string, debunk: Debunk, version?: string): Promise<ReviseOutcome> {
    if (debunk.id !== id && this.sourceOf(debunk.id) !== undefined) return { ok: false, reason: 'duplicate' };
    let outcome: ReviseOutcome = { ok: true };
    const stored = await this.store.update<LearnedState>(KEY, (current) => {
      const state = current ?? EMPTY;
      const i = state.entries.findIndex((e) => e.debunk.id === id);
      const found = state.entries[i];
      if (!found) outcome = { ok: false, reason: 'gone' };
      else if (version !== undefined && debunkVersion(found.debunk) !== version) outcome = { ok: false, reason: 'changed_meanwhile', current: found.debunk };
      else if (debunk.id !== id && state.entries.some((e) => e.debunk.id === debunk.id)) outcome = { ok: false, reason: 'duplicate' };
      else {
        outcome = { ok: true };
        return { ...state, version: state.version + 1, entries: state.entries.map((e, j) => (j === i ? { ...e, debunk } : e)) };
      }
      return current;
    });
    this.learned = stored ?? EMPTY;
    await this.rebuild();
    return outcome;
  }

  /** Retires a debunk for every group (any source); false when it already was. */
  async retire(id: string): Promise<boolean> {
    let changed = false;
    const stored = await this.store.update<LearnedState>(KEY, (current) => {
      const state = current ?? EMPTY;
      changed = !state.retired.includes(id);
      return changed ? { ...state, version: state.version + 1, retired: [...state.retired, id] } : current;
    });
    this.learned = stored ?? EMPTY;
    await this.rebuild();
    return changed;
  }

  /** Uses again for every group a debunk retired for every group; false when it was not retired. */
  async unretire(id: string): Promise<boolean> {
    let changed = false;
    const stored = await this.store.update<LearnedState>(KEY, (current) => {
      const state = current ?? EMPTY;
      changed = state.retired.includes(id);
      return changed ? { ...state, version: state.version + 1, retired: state.retired.filter((r) => r !== id) } : current;
    });
    this.learned = stored ?? EMPTY;
    await this.rebuild();
    return changed;
  }

  /**
   * Reads the store and rebuilds when another process changed it, or when the day changed (an
   * entry's `expires` date passed).
   */
  async refresh(force = false): Promise<void> {
    const stored = (await this.store.get<LearnedState>(KEY)) ?? EMPTY;
    const dayChanged = this.today() !== this.day;
    if (!force && !dayChanged && stored.version === this.learned.version) return;
    this.learned = stored;
    await this.rebuild();
  }

  /** Merges the sources and swaps the result into the engine. */
  rebuild(): Promise<void> {
    const next = this.queue.then(() => {
      this.day = this.today();
      const retired = new Set(this.learned.retired);
      const byId = new Map<string, Debunk>();
      const scopes = new Map<string, string>();
      for (const d of this.files) if (!byId.has(d.id)) byId.set(d.id, d);
      for (const e of this.learned.entries) {
        if (byId.has(e.debunk.id)) continue;
        byId.set(e.debunk.id, e.debunk);
        if (e.scope !== 'all') scopes.set(e.debunk.id, e.scope);
      }
      for (const list of this.feeds.values()) for (const d of list) if (!byId.has(d.id)) byId.set(d.id, d);
      for (const id of retired) byId.delete(id);
      return this.engine.reload([...byId.values()], scopes);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private today(): string {
    return new Date(this.now()).toISOString().slice(0, 10);
  }
}
