import { storedPages, type CheckpointSource } from '../ledger.js';
import type { ChainHead, LedgerBackend } from '../ledgerBackend.js';
import { genesisHash, type LedgerEntry } from '../ledgerEntry.js';
import { isDamaged, type StoredItem } from '../storedEntry.js';
import { CHAIN_FAULTS, ChainVerifier } from '../verifyChain.js';
import { keepLatest, mergeIntoCheckpointFile, readCheckpointFile, type Checkpoints } from './checkpointFile.js';
import { openKeyFile, readKeyFile } from './keyFile.js';
import { checkpointFault, signCheckpoint, type SignedCheckpoint, type SigningKey } from './signedCheckpoint.js';

export interface CheckpointerOptions {
  /** The bot's Ed25519 private key (PEM), made at the first start: LEDGER_KEY_FILE. */
  keyFile: string;
  /** Where the latest checkpoint of each group is kept: LEDGER_CHECKPOINT_FILE. */
  checkpointFile: string;
  /** Read when a delivered entry does not follow the last checkpoint, to check the chain first. */
  backend: LedgerBackend;
  /** Told what kept a checkpoint from being signed or written; never the key. */
  warn: (message: string) => void;
  /** @defaultValue the system clock */
  now?: () => Date;
}

type Step = Pick<LedgerEntry, 'seq' | 'prev' | 'hash'>;

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Signs each group's chain head after every batch the recorder delivers, and once more at
 * shutdown, and keeps the latest signed checkpoint of each group in the checkpoint file. It only
 * vouches for a head that follows the last checkpoint: entries this process appended on top of
 * it, or else a chain it has read and checked against it. A chain that no longer reaches its
 * checkpoint (cut short or rewritten while the bot was away) is never signed over, so the
 * evidence stays. Signing and writing run in the background, one at a time; nothing on the
 * message path waits for them.
 */
export class Checkpointer implements CheckpointSource {
  readonly trustedKey: string;
  /** The latest valid checkpoint of each group: the file's, then this process's. */
  private readonly checkpoints: Checkpoints;
  private readonly queued = new Map<string, Step[]>();
  private readonly unsaved = new Map<string, SignedCheckpoint>();
  /** Groups this process signed for: signed once more at shutdown. */
  private readonly touched = new Set<string>();
  /** Groups whose stored chain does not reach their checkpoint: never signed again by this process. */
  private readonly disputed = new Set<string>();
  private readonly warned = new Set<string>();
  private readonly now: () => Date;
  private work: Promise<void> | undefined;
  private closed = false;

  private constructor(
    private readonly key: SigningKey,
    private readonly options: CheckpointerOptions,
    checkpoints: Checkpoints,
  ) {
    this.trustedKey = key.publicKey;
    this.now = options.now ?? (() => new Date());
    this.checkpoints = new Map([...checkpoints].filter(([, c]) => checkpointFault(c) === undefined));
  }

  /** Opens (or makes) the key and reads the checkpoint file; an error names the file. */
  static async open(options: CheckpointerOptions): Promise<{ ok: true; checkpointer: Checkpointer; keyCreated: boolean } | { ok: false; error: string }> {
    const file = await readCheckpointFile(options.checkpointFile);
    if (!file.ok) return { ok: false, error: `LEDGER_CHECKPOINT_FILE ${file.error}; it is evidence: move it aside rather than delete it` };
    // Checkpoints signed by a key this bot does not hold (its key file deleted, or replaced): a new
    // key would re-sign over them at the first delivery and the evidence they are would be gone.
    const signers = new Set([...file.checkpoints.values()].map((c) => c.keyId));
    const existing = await readKeyFile(options.keyFile);
    if (signers.size > 0 && !existing.ok && existing.error.includes('(ENOENT)')) {
      return { ok: false, error: `LEDGER_KEY_FILE ${options.keyFile} is missing, but LEDGER_CHECKPOINT_FILE ${options.checkpointFile} holds checkpoints signed by key ${[...signers].join(', ')}: restore the key file from its backup; to start over with a new key, move the checkpoint file aside (it is evidence)` };
    }
    const key = existing.ok ? existing : await openKeyFile(options.keyFile);
    if (!key.ok) return { ok: false, error: `LEDGER_KEY_FILE ${key.error}` };
    const foreign = [...signers].filter((id) => id !== key.key.keyId);
    if (foreign.length > 0) {
      return { ok: false, error: `LEDGER_CHECKPOINT_FILE ${options.checkpointFile} holds checkpoints signed by key ${foreign.join(', ')}, not by this bot's key ${key.key.keyId} (LEDGER_KEY_FILE ${options.keyFile}): restore the key that signed them; to go on with this key, move the checkpoint file aside (it is evidence)` };
    }
    return { ok: true, checkpointer: new Checkpointer(key.key, options, file.checkpoints), keyCreated: key.created };
  }

  /** The key's short id (never the key). */
  get keyId(): string {
    return this.key.keyId;
  }

  latest(groupId: string): SignedCheckpoint | undefined {
    return this.checkpoints.get(groupId);
  }

  /** Takes the entries of one delivered batch; their groups' heads are signed in the background. */
  delivered(entries: readonly LedgerEntry[]): void {
    if (this.closed) return;
    for (const e of entries) {
      const steps = this.queued.get(e.record.groupId);
      const step = { seq: e.seq, prev: e.prev, hash: e.hash };
      if (steps) steps.push(step);
      else this.queued.set(e.record.groupId, [step]);
    }
    this.work ??= this.drain().finally(() => {
      this.work = undefined;
    });
  }

  /** Resolves once everything delivered so far is signed and written (or warned about). */
  async settled(): Promise<void> {
    while (this.work) await this.work;
  }

  /** Signs the head of every group this process signed for once more, writes, and stops. */
  async close(): Promise<void> {
    this.closed = true;
    await this.settled();
    const at = this.now().toISOString();
    for (const groupId of this.touched) {
      const c = this.checkpoints.get(groupId);
      if (c && !this.disputed.has(groupId)) this.sign(groupId, c, at);
    }
    await this.save();
  }

  private async drain(): Promise<void> {
    while (this.queued.size > 0) {
      // Everything queued so far at once: each group is signed at most once per round.
      const round = [...this.queued];
      this.queued.clear();
      for (const [groupId, steps] of round) {
        try {
          const head = await this.advance(groupId, steps);
          if (head) this.sign(groupId, head, this.now().toISOString());
        } catch (err) {
          this.warnOnce(`checkpoint ${groupId}`, `ledger: no checkpoint for group ${groupId} this time: ${messageOf(err)}`);
        }
      }
      await this.save();
    }
  }

  /** The head to sign after `steps`, or undefined when there is none (nothing new, or disputed). */
  private async advance(groupId: string, steps: readonly Step[]): Promise<ChainHead | undefined> {
    if (this.disputed.has(groupId)) return undefined;
    const known = this.checkpoints.get(groupId);
    let head: ChainHead | undefined = known && { seq: known.seq, hash: known.hash };
    let follows = true;
    for (const e of steps) {
      // A record found already written after a crash comes back as the head it left.
      if (head && e.seq === head.seq && e.hash === head.hash) continue;
      if (head ? e.seq === head.seq + 1 && e.prev === head.hash : e.seq === 1 && e.prev === genesisHash(groupId)) head = { seq: e.seq, hash: e.hash };
      else {
        follows = false;
        break;
      }
    }
    if (follows) return head && (!known || head.seq !== known.seq) ? head : undefined;

    // Another process appended in between, or the chain changed while this one was away: check
    // the chain as stored against the checkpoint before vouching for its head.
    // A page at a time, as far as the chain reaches now: never the whole chain in memory.
    const end = await this.options.backend.chainEnd(groupId);
    const verifier = new ChainVerifier(groupId, { ...(end.head ? { storedHead: end.head } : {}), ...(known ? { checkpoint: known } : {}) });
    let last: StoredItem | undefined;
    for await (const page of storedPages(this.options.backend, groupId, end)) {
      for (const item of page) verifier.add(item);
      last = page.at(-1);
    }
    const check = verifier.result();
    if (!check.ok) {
      this.disputed.add(groupId);
      this.options.warn(
        `ledger: group ${groupId} fails verification at seq ${check.seq} (${CHAIN_FAULTS[check.fault]}${check.detail ? `: ${check.detail}` : ''}); ` +
          'no checkpoint is signed over it, so `ledger verify` keeps showing it',
      );
      return undefined;
    }
    return last && !isDamaged(last) ? { seq: last.seq, hash: last.hash } : undefined;
  }

  private sign(groupId: string, head: ChainHead, at: string): void {
    const signed = signCheckpoint({ groupId, seq: head.seq, hash: head.hash, at }, this.key);
    this.checkpoints.set(groupId, signed);
    this.unsaved.set(groupId, signed);
    this.touched.add(groupId);
  }

  /** Writes what is not in the file yet; on failure keeps it for the next round. */
  private async save(): Promise<void> {
    if (this.unsaved.size === 0) return;
    const updates = [...this.unsaved.values()];
    try {
      const merged = await mergeIntoCheckpointFile(this.options.checkpointFile, updates);
      if (!merged.ok) throw new Error(merged.error);
      for (const c of updates) if (this.unsaved.get(c.groupId) === c) this.unsaved.delete(c.groupId);
      // What other bot processes signed meanwhile is the checkpoint to follow from now on.
      for (const c of merged.checkpoints.values()) if (checkpointFault(c) === undefined) keepLatest(this.checkpoints, c);
      this.warned.delete('save');
    } catch (err) {
      this.warnOnce('save', `ledger: cannot write the checkpoint file ${this.options.checkpointFile} (${messageOf(err)}); trying again after the next batch`);
    }
  }

  private warnOnce(cause: string, message: string): void {
    if (this.warned.has(cause)) return;
    this.warned.add(cause);
    this.options.warn(message);
  }
}
