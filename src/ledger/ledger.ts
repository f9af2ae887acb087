import { KeyedLock } from '../lib/keyedLock.js';
import type { SignedCheckpoint } from './checkpoints/signedCheckpoint.js';
import type { ChainEnd, KeptText, LedgerBackend, ReaderSource } from './ledgerBackend.js';
import { nextEntry, type LedgerEntry } from './ledgerEntry.js';
import type { LedgerRecord } from './ledgerRecord.js';
import { DEFAULT_TEXT_DAYS, hashesWithoutText, joinMessageTexts, splitMessageText } from './messageText.js';
import { isDamaged, type StoredItem } from './storedEntry.js';
import { ChainVerifier, type ChainCheck } from './verifyChain.js';

/**
 * Items read from the store at a time by verification and exports: a few ms of parsing and
 * hashing between two turns of the event loop, and a bounded amount of memory.
 */
export const CHAIN_PAGE = 1000;
/** Writers racing for one group's head give up after this many lost rounds (never in practice). */
const MAX_ATTEMPTS = 1000;
/** Longest pause after a lost race, in ms. */
const MAX_BACKOFF_MS = 20;
/** Texts past their time are removed at most this often (one indexed DELETE), in ms. */
const PURGE_EVERY_MS = 60 * 60 * 1000;

/** The signed checkpoints a ledger checks its chains against. */
export interface CheckpointSource {
  /** The latest signed checkpoint of a group, if there is one. */
  latest(groupId: string): SignedCheckpoint | undefined;
  /** The public key (base64 DER) checkpoints must be signed with; any valid signature when absent. */
  readonly trustedKey?: string | undefined;
}

/** What `verify` holds a chain to besides its own links (see Ledger.verify). */
export interface VerifyAgainst {
  checkpoint?: SignedCheckpoint;
  trustedKey?: string;
  /** This store's signing key id, to tell another key's checkpoint from a rewrite (VerifyOptions.signingKeyId). */
  signingKeyId?: string;
}

export interface LedgerOptions {
  /** @defaultValue the system clock */
  now?: () => Date;
  /** Days a message text is kept beside the chain (0: not kept). @defaultValue DEFAULT_TEXT_DAYS */
  textDays?: number;
  /** Checkpoints that `verify` holds each chain to; without them, a chain cut short still verifies. */
  checkpoints?: CheckpointSource;
  /** Told what an operator should know and nothing fails for (an export made in the bot's own thread). */
  warn?: (message: string) => void;
}

/** A group's append-only, hash-chained record of incidents and admin actions. */
export class Ledger {
  /** Appends of one process to one group take turns: only other processes can race them. */
  private readonly lock = new KeyedLock();
  private readonly now: () => Date;
  private readonly textDays: number;
  private readonly checkpoints: CheckpointSource | undefined;
  /** See LedgerOptions.warn. */
  readonly warn: (message: string) => void;
  private lastPurge = Number.NEGATIVE_INFINITY;

  /** `options` may be just the clock (as tests pass it). */
  constructor(
    private readonly backend: LedgerBackend,
    options: LedgerOptions | (() => Date) = {},
  ) {
    const o = typeof options === 'function' ? { now: options } : options;
    this.now = o.now ?? (() => new Date());
    this.textDays = o.textDays ?? DEFAULT_TEXT_DAYS;
    this.checkpoints = o.checkpoints;
    this.warn = o.warn ?? (() => {});
  }

  /**
   * Appends a record to its group's chain and returns the entry as written (see `appendMany`).
   */
  async append(record: LedgerRecord): Promise<LedgerEntry> {
    const [entry] = await this.appendMany(record.groupId, [record]);
    return entry!;
  }

  /**
   * Appends records of one group to its chain, in order, in one write, and returns the entries as
   * written. When another process appended first, the entries are rebuilt on the new head and
   * tried again. An incident's message text is not chained: it is kept beside the chain, keyed by
   * its sha256, which is.
   */
  async appendMany(groupId: string, records: readonly LedgerRecord[]): Promise<LedgerEntry[]> {
    if (records.length === 0) return [];
    const written = await this.lock.run(groupId, async () => {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const now = this.now();
        const head = await this.backend.head(groupId);
        const entries: LedgerEntry[] = [];
        const texts: KeptText[] = [];
        let previous: { seq: number; hash: string } | undefined = head;
        for (const record of records) {
          if (record.groupId !== groupId) throw new Error(`ledger: a record of group ${record.groupId} in a batch of group ${groupId}`);
          const split = splitMessageText(record, now, this.textDays);
          const entry = nextEntry(groupId, previous, split.record, now);
          entries.push(entry);
          if (split.text) texts.push(split.text);
          previous = entry;
        }
        if (await this.backend.tryAppend(groupId, entries, texts)) return entries;
        // Lost the race to another writer: back off a random, growing moment, so writers that
        // collide in lockstep spread out instead of one losing every round.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(MAX_BACKOFF_MS, 2 ** attempt)));
      }
      throw new Error(`ledger: could not append to group ${groupId} after ${MAX_ATTEMPTS} attempts`);
    });
    await this.purgeNowAndThen(Date.parse(written[0]!.at));
    return written;
  }

  /** The last `count` entries of a group (what a recorder checks after a crash). */
  tail(groupId: string, count: number): Promise<LedgerEntry[]> {
    return this.backend.tail(groupId, count);
  }

  /**
   * Checks one group's chain as stored, and against its latest signed checkpoint: the one given
   * (from a file someone kept), else the ledger's own (see LedgerOptions.checkpoints).
   * `snapshot` is where to stop reading (else where the chain ends now).
   */
  async verify(groupId: string, against: VerifyAgainst = {}, snapshot?: ChainEnd): Promise<ChainCheck> {
    const end = snapshot ?? (await this.backend.chainEnd(groupId));
    const verifier = this.chainVerifier(groupId, against, end);
    for await (const page of storedPages(this.backend, groupId, end)) for (const item of page) verifier.add(item);
    return verifier.result();
  }

  /**
   * What `verify` checks a chain with, to feed the items of a pass that reads the chain anyway (an
   * export verifies the chain in the pass that writes it).
   */
  chainVerifier(groupId: string, against: VerifyAgainst, end: ChainEnd): ChainVerifier {
    const checkpoint = against.checkpoint ?? this.checkpoints?.latest(groupId);
    const trustedKey = against.checkpoint ? against.trustedKey : (against.trustedKey ?? this.checkpoints?.trustedKey);
    return new ChainVerifier(groupId, {
      ...(end.head ? { storedHead: end.head } : {}),
      ...(checkpoint ? { checkpoint } : {}),
      ...(trustedKey ? { trustedKey } : {}),
      ...(against.signingKeyId ? { signingKeyId: against.signingKeyId } : {}),
    });
  }

  /** Where a group's chain ends now: pass it to `verify` and `entryPages` so they read the same entries. */
  chainEnd(groupId: string): Promise<ChainEnd> {
    return this.backend.chainEnd(groupId);
  }

  /**
   * {@link entries} a page at a time, up to `end`: each page's kept texts are joined in unless
   * `texts` is false. `observe` sees each page of the storage as read, damage and entries out of
   * range included (what a verification in the same pass needs).
   */
  async *entryPages(
    groupId: string,
    range: { since?: Date; until?: Date },
    end: ChainEnd,
    texts = true,
    observe?: (items: readonly StoredItem[]) => void,
  ): AsyncGenerator<LedgerEntry[]> {
    for await (const page of this.storedEntryPages(groupId, range, end, texts, observe)) {
      yield page.texts.size > 0 ? joinMessageTexts(page.entries, page.texts) : page.entries;
    }
  }

  /**
   * {@link entryPages} with each page's entries as stored (as chained) and, beside them, the texts
   * still kept for their incidents, by sha256, not yet checked against it (see keptText): what
   * the streamed exports read (a row carries its text beside its entry; the json writes entries
   * as chained).
   */
  async *storedEntryPages(
    groupId: string,
    range: { since?: Date; until?: Date },
    end: ChainEnd,
    texts = true,
    observe?: (items: readonly StoredItem[]) => void,
  ): AsyncGenerator<{ entries: LedgerEntry[]; texts: ReadonlyMap<string, string> }> {
    const none: ReadonlyMap<string, string> = new Map();
    const textsOf = this.backend.textsInOrder?.(groupId) ?? ((hashes: readonly string[], now: Date) => this.backend.texts(groupId, hashes, now));
    // A page comes with its texts: they are asked for as soon as the page is in, so both are read
    // while the caller works on the page before (asked for only once the caller took that page,
    // the texts were a wait of their own on every page). The texts are read through one reader for
    // the whole pass, which a store may use to find them faster (see textsInOrder).
    const closing = outcomesPastRange(range);
    const read = (after: number) => {
      const page = this.backend.readPage(groupId, after, end.end, CHAIN_PAGE).then((items) => {
        const entries = items.items.filter((e): e is LedgerEntry => !isDamaged(e) && closing(e));
        const hashes = texts ? hashesWithoutText(entries) : [];
        const kept = hashes.length > 0 ? textsOf(hashes, this.now()) : undefined;
        // Texts not taken (the caller stopped) must not become unhandled rejections.
        kept?.catch(() => undefined);
        return { ...items, entries, kept };
      });
      // Pages not taken (the caller stopped) must not become unhandled rejections.
      page.catch(() => undefined);
      return page;
    };
    let next = end.end > 0 ? read(0) : undefined;
    let after = 0;
    while (next) {
      const page = await next;
      const { entries, kept } = page;
      const more = page.items.length === CHAIN_PAGE && page.last > after && page.last < end.end;
      after = page.last;
      // The next page is read while this one is worked on.
      next = more ? read(after) : undefined;
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (page.items.length === 0) continue;
      if (observe) {
        observe(page.items);
        // What the observer did (hashing a page, to verify it) and what the caller does with the
        // page are two turns of the event loop, not one twice as long.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      if (entries.length > 0) yield { entries, texts: kept ? await kept : none };
    }
  }

  /** `entries` with the message texts still kept put back into their incidents (see joinMessageTexts). */
  async withTexts<E extends LedgerEntry>(groupId: string, entries: readonly E[]): Promise<E[]> {
    const hashes = hashesWithoutText(entries);
    if (hashes.length === 0) return [...entries];
    return joinMessageTexts(entries, await this.backend.texts(groupId, hashes, this.now())) as E[];
  }

  /**
   * Where a worker thread can open this ledger's store to read it (see LedgerBackend.readerSource),
   * for an export of a long chain; undefined when it cannot.
   */
  async readerSource(): Promise<ReaderSource | undefined> {
    return this.backend.readerSource?.();
  }

  /** The ledger's clock: a text kept beside the chain is returned until this passes its time. */
  time(): Date {
    return this.now();
  }

  /** The latest signed checkpoint of a group this ledger knows, for exports to carry. */
  checkpoint(groupId: string): SignedCheckpoint | undefined {
    return this.checkpoints?.latest(groupId);
  }

  /**
   * Entries of a group, optionally within [since, until) by append time, with the message texts
   * still kept put back into their incidents. Damaged items are left out (`verify` names them).
   * Read a page at a time (see entryPages), so that reading a long chain lets the event loop turn
   * and holds only the entries in range, never the whole stored chain.
   */
  async entries(groupId: string, range: { since?: Date; until?: Date } = {}): Promise<LedgerEntry[]> {
    const end = await this.backend.chainEnd(groupId);
    const entries: LedgerEntry[] = [];
    for await (const page of this.entryPages(groupId, range, end)) for (const e of page) entries.push(e);
    return entries;
  }

  groups(): Promise<string[]> {
    return this.backend.groups();
  }

  /** Removes texts past their time, at most once an hour; a failed purge is tried again next time. */
  private async purgeNowAndThen(now: number): Promise<void> {
    if (now - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now;
    await this.backend.purgeTexts(new Date(now)).catch(() => {
      this.lastPurge = Number.NEGATIVE_INFINITY;
    });
  }
}

/**
 * A group's storage up to `end`, CHAIN_PAGE items at a time, with a turn of the event loop
 * before each page (a store in memory answers without one), so reading a long chain in the
 * bot's process neither holds it in memory nor holds up moderation. The next page is asked for
 * while the caller works on this one.
 */
export async function* storedPages(backend: LedgerBackend, groupId: string, end: ChainEnd): AsyncGenerator<StoredItem[]> {
  const read = (after: number) => backend.readPage(groupId, after, end.end, CHAIN_PAGE);
  let next = end.end > 0 ? read(0) : undefined;
  let after = 0;
  while (next) {
    const page = await next;
    const more = page.items.length === CHAIN_PAGE && page.last > after && page.last < end.end;
    after = page.last;
    next = more ? read(after) : undefined;
    // A page not taken (the caller stopped) must not become an unhandled rejection.
    next?.catch(() => undefined);
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (page.items.length > 0) yield page.items;
  }
}

/**
 * How long after a period's end the outcomes of its last incidents are still read with it: they
 * follow their incident within seconds (once the platform answered), and a report that ends at a
 * time must not call an action that was done "no outcome recorded".
 */
export const OUTCOME_GRACE_MS = 10 * 60_000;

/**
 * The entries of `range` (see inRange), and after its end, for OUTCOME_GRACE_MS, the outcomes of
 * its incidents of the last OUTCOME_GRACE_MS; entries must be offered in chain order.
 */
function outcomesPastRange(range: { since?: Date; until?: Date }): (e: LedgerEntry) => boolean {
  const until = range.until?.getTime();
  if (until === undefined) return (e) => inRange(e, range);
  const closing = new Set<string>();
  return (e) => {
    const r = e.record;
    if (inRange(e, range)) {
      if (r.type === 'incident' && r.recordId !== undefined && Date.parse(e.at) >= until - OUTCOME_GRACE_MS) closing.add(r.recordId);
      return true;
    }
    return r.type === 'outcome' && closing.has(r.incidentId) && Date.parse(e.at) < until + OUTCOME_GRACE_MS;
  };
}

/** Whether an entry was appended within [since, until). */
export function inRange(e: LedgerEntry, range: { since?: Date; until?: Date }): boolean {
  if (range.since === undefined && range.until === undefined) return true;
  const t = Date.parse(e.at);
  return (range.since === undefined || t >= range.since.getTime()) && (range.until === undefined || t < range.until.getTime());
}
