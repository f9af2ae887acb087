import { checkpointFault, type SignedCheckpoint } from './checkpoints/signedCheckpoint.js';
import type { ChainHead } from './ledgerBackend.js';
import { genesisHash, hashEntry } from './ledgerEntry.js';
import { isDamaged, type StoredItem } from './storedEntry.js';

/** What can be wrong with a chain, one identifier each. */
export const CHAIN_FAULTS = {
  edited: 'the entry was changed after it was written (its hash does not match its content)',
  missing: 'entries are missing before this one (sequence numbers skip)',
  reordered: 'entries are out of order',
  forked: 'two entries claim the same sequence number',
  broken_link: 'the entry does not chain to the one before it',
  wrong_group: 'the entry belongs to another group',
  damaged: 'the stored entry is damaged: it is not a ledger entry any more',
  truncated: 'entries are missing from the end of the chain',
  group_missing: "the group's entries are gone, but it had some",
  rewritten: 'the chain was rewritten: this entry is not the one the signed checkpoint vouches for',
  other_key: "the checkpoint was signed by another key than this store's: it vouches for another chain (another bot's, or this one's under an earlier key), and this chain does not match it",
  head_mismatch: "the store's head record does not match the last entry",
  bad_checkpoint: 'the checkpoint cannot be trusted',
} as const;
export type ChainFault = keyof typeof CHAIN_FAULTS;

/** The signed checkpoint a chain was found to match. */
export interface CheckpointMatch {
  seq: number;
  at: string;
  keyId: string;
}

export type ChainCheck =
  | { ok: true; entries: number; head?: string; checkpoint?: CheckpointMatch }
  /** `detail`: the evidence behind the fault, e.g. "the chain ends at seq 27; checkpoint of … has seq 30". */
  | { ok: false; seq: number; fault: ChainFault; entries: number; detail?: string };

export interface VerifyOptions {
  /** The head the store keeps apart from the entries (Redis), read in the same snapshot. */
  storedHead?: ChainHead;
  /** The group's latest signed checkpoint: the chain must reach its seq with exactly its hash. */
  checkpoint?: SignedCheckpoint;
  /** The public key (base64 DER) the checkpoint must be signed with; when absent, its own. */
  trustedKey?: string;
  /**
   * The key id this store's bot signs with (LEDGER_KEY_FILE), where it can be read. A checkpoint
   * signed by another key that the chain does not reach unchanged is said to be another key's
   * (QA: a report of another bot whose group was also named `console` was said to show a
   * rewritten chain), not a rewrite: the checkpoint never vouched for this chain.
   */
  signingKeyId?: string;
}

/** "checkpoint of 2026-03-01T10:00:35.000Z (key 1a2b…) has seq 30" */
const checkpointSays = (c: SignedCheckpoint) => `the checkpoint signed ${c.at} by key ${c.keyId} has seq ${c.seq}`;

/**
 * Checks a group's ledger as stored, in stored order: numbering without gaps, each entry's hash
 * over its content, each link to the entry before; then that the chain reaches the store's own
 * head record and the latest signed checkpoint, where there are. Names the first bad sequence
 * number. Damaged items are faults, never exceptions.
 */
export function verifyChain(groupId: string, items: readonly StoredItem[], options: VerifyOptions = {}): ChainCheck {
  const verifier = new ChainVerifier(groupId, options);
  for (const item of items) verifier.add(item);
  return verifier.result();
}

/**
 * `verifyChain` in slices of VERIFY_SLICE entries with a turn of the event loop between them, so
 * a long chain verified in the bot's process (an export, the dashboard) never holds up moderation.
 */
export async function verifyChainInSlices(groupId: string, items: readonly StoredItem[], options: VerifyOptions = {}): Promise<ChainCheck> {
  const verifier = new ChainVerifier(groupId, options);
  for (let i = 0; i < items.length; i++) {
    if ((i + 1) % VERIFY_SLICE === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    verifier.add(items[i]!);
  }
  return verifier.result();
}

/** Entries hashed between two turns of the event loop (a few ms of work). */
export const VERIFY_SLICE = 1000;

/** The first fault found, before the count of items is known. */
interface Fault {
  fault: ChainFault;
  seq: number;
  detail?: string;
}

/**
 * `verifyChain` fed one item at a time, in stored order, so a chain read a page at a time is
 * checked without ever being in memory whole. After the first fault it only counts the items (and
 * looks for the missing seq, which tells "reordered" from "missing").
 */
export class ChainVerifier {
  private count = 0;
  private prev: string;
  private expected = 1;
  private fault: Fault | undefined;
  /** A seq not where it belongs: found further on (reordered) or not (missing). */
  private lookingFor: number | undefined;

  constructor(
    private readonly groupId: string,
    private readonly options: VerifyOptions = {},
  ) {
    this.prev = genesisHash(groupId);
    const { checkpoint } = options;
    if (checkpoint) {
      const untrusted = checkpoint.groupId === groupId ? checkpointFault(checkpoint, options.trustedKey) : `it is for group ${checkpoint.groupId}`;
      if (untrusted) this.fault = { fault: 'bad_checkpoint', seq: checkpoint.seq, detail: untrusted };
    }
  }

  add(e: StoredItem): void {
    this.count += 1;
    if (this.fault) {
      if (this.lookingFor !== undefined && e.seq === this.lookingFor) this.fault.fault = 'reordered';
      return;
    }
    this.fault = this.check(e);
  }

  private check(e: StoredItem): Fault | undefined {
    const { checkpoint } = this.options;
    const expected = this.expected;
    if (isDamaged(e)) return { fault: 'damaged', seq: e.seq, detail: e.reason };
    if (e.seq !== expected) {
      if (e.seq === expected - 1) return { fault: 'forked', seq: e.seq };
      // The first sequence number that is not where it belongs: gone, or stored further on (the
      // items before it hold exactly 1 … expected - 1).
      this.lookingFor = expected;
      return { fault: 'missing', seq: expected };
    }
    if (e.record.groupId !== this.groupId) return { fault: 'wrong_group', seq: e.seq };
    if (hashEntry(e) !== e.hash) return { fault: 'edited', seq: e.seq };
    if (e.prev !== this.prev) return { fault: 'broken_link', seq: e.seq };
    if (checkpoint && e.seq === checkpoint.seq && e.hash !== checkpoint.hash) {
      const evidence = `its hash is ${e.hash.slice(0, 12)}…, ${checkpointSays(checkpoint)} with hash ${checkpoint.hash.slice(0, 12)}…`;
      return this.otherKey(e.seq, evidence) ?? { fault: 'rewritten', seq: e.seq, detail: evidence };
    }
    this.prev = e.hash;
    this.expected += 1;
    return undefined;
  }

  /**
   * The checkpoint's mismatch as another key's (see VerifyOptions.signingKeyId), naming both keys,
   * when the checkpoint was signed by a key other than this store's; else undefined.
   */
  private otherKey(seq: number, evidence: string): Fault | undefined {
    const { checkpoint, signingKeyId } = this.options;
    if (!checkpoint || signingKeyId === undefined || checkpoint.keyId === signingKeyId) return undefined;
    return { fault: 'other_key', seq, detail: `the checkpoint is signed by key ${checkpoint.keyId}, this store's signing key is ${signingKeyId}; ${evidence}` };
  }

  /** The verdict on every item added. */
  result(): ChainCheck {
    const count = this.count;
    const fail = ({ fault, seq, detail }: Fault): ChainCheck => ({ ok: false, seq, fault, entries: count, ...(detail ? { detail } : {}) });
    if (this.fault) return fail(this.fault);
    const { storedHead, checkpoint } = this.options;
    const prev = this.prev;
    const last = this.expected - 1;

    if (last === 0 && (storedHead || checkpoint)) {
      // Only another key's checkpoint says the group had entries: it may be another bot's group of that name.
      const foreign = storedHead ? undefined : this.otherKey(1, `the store has no entries of the group; ${checkpointSays(checkpoint!)}`);
      if (foreign) return fail(foreign);
      const evidence = [storedHead ? `the store's head record still says seq ${storedHead.seq}` : '', checkpoint ? checkpointSays(checkpoint) : ''];
      return fail({ fault: 'group_missing', seq: 1, detail: evidence.filter(Boolean).join('; ') });
    }
    if (storedHead) {
      if (storedHead.seq > last) return fail({ fault: 'truncated', seq: last + 1, detail: `the chain ends at seq ${last}; the store's head record says seq ${storedHead.seq}` });
      if (storedHead.seq < last) return fail({ fault: 'head_mismatch', seq: storedHead.seq + 1, detail: `the head record says the chain ends at seq ${storedHead.seq}, the entries go on to seq ${last}` });
      if (storedHead.hash !== prev) return fail({ fault: 'head_mismatch', seq: last, detail: "the head record's hash is not the last entry's" });
    }
    if (checkpoint && checkpoint.seq > last) {
      const evidence = `the chain ends at seq ${last}; ${checkpointSays(checkpoint)}`;
      return fail(this.otherKey(last + 1, evidence) ?? { fault: 'truncated', seq: last + 1, detail: evidence });
    }

    return {
      ok: true,
      entries: count,
      ...(count > 0 ? { head: prev } : {}),
      ...(checkpoint ? { checkpoint: { seq: checkpoint.seq, at: checkpoint.at, keyId: checkpoint.keyId } } : {}),
    };
  }
}
