import { KeyedLock } from '../lib/keyedLock.js';
import type { LedgerBackend } from './ledgerBackend.js';
import { nextEntry, type LedgerEntry } from './ledgerEntry.js';
import type { LedgerRecord } from './ledgerRecord.js';
import { verifyChain, type ChainCheck } from './verifyChain.js';

/** Writers racing for one group's head give up after this many lost rounds (never in practice). */
const MAX_ATTEMPTS = 1000;
/** Longest pause after a lost race, in ms. */
const MAX_BACKOFF_MS = 20;

/** A group's append-only, hash-chained record of incidents and admin actions. */
export class Ledger {
  /** Appends of one process to one group take turns: only other processes can race them. */
  private readonly lock = new KeyedLock();

  constructor(
    private readonly backend: LedgerBackend,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Appends a record to its group's chain and returns the entry as written. When another
   * process appended first, the entry is rebuilt on the new head and tried again.
   */
  append(record: LedgerRecord): Promise<LedgerEntry> {
    return this.lock.run(record.groupId, async () => {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const head = await this.backend.head(record.groupId);
        const entry = nextEntry(record.groupId, head, record, this.now());
        if (await this.backend.tryAppend(record.groupId, entry)) return entry;
        // Lost the race to another writer: back off a random, growing moment, so writers that
        // collide in lockstep spread out instead of one losing every round.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(MAX_BACKOFF_MS, 2 ** attempt)));
      }
      throw new Error(`ledger: could not append to group ${record.groupId} after ${MAX_ATTEMPTS} attempts`);
    });
  }

  /** Checks one group's chain. */
  async verify(groupId: string): Promise<ChainCheck> {
    return verifyChain(groupId, await this.backend.read(groupId));
  }

  /** Entries of a group, optionally within [since, until) by append time. */
  async entries(groupId: string, range: { since?: Date; until?: Date } = {}): Promise<LedgerEntry[]> {
    const all = await this.backend.read(groupId);
    return all.filter((e) => {
      const t = Date.parse(e.at);
      return (range.since === undefined || t >= range.since.getTime()) && (range.until === undefined || t < range.until.getTime());
    });
  }

  /** The last entry of a group's chain. */
  async headEntry(groupId: string): Promise<LedgerEntry | undefined> {
    const head = await this.backend.head(groupId);
    if (!head) return undefined;
    return (await this.backend.read(groupId)).find((e) => e.seq === head.seq);
  }

  groups(): Promise<string[]> {
    return this.backend.groups();
  }
}
