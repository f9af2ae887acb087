import type { Checkpoints } from './checkpoints/checkpointFile.js';
import type { Ledger } from './ledger.js';
import { CHAIN_FAULTS, type ChainCheck } from './verifyChain.js';

export interface VerifyLedgerOptions {
  /** Only these groups; else every group of the store and of the checkpoints. */
  groups?: readonly string[];
  /** The latest signed checkpoint of each group to hold its chain to. */
  checkpoints: Checkpoints;
  /** The key (base64 DER) the checkpoints must be signed with, when known. */
  trustedKey?: string;
  /** This store's signing key id, when known: see VerifyOptions.signingKeyId. */
  signingKeyId?: string;
}

export interface LedgerVerdict {
  /** One line per group, in group order (or one line saying there is nothing). */
  lines: string[];
  /** Groups that failed, or were named and do not exist. */
  failed: number;
}

/** "g: FAILED at seq 28: entries are missing from the end of the chain (the chain ends at seq 27; …)" */
export function describeCheck(groupId: string, check: ChainCheck): string {
  if (!check.ok) return `${groupId}: FAILED at seq ${check.seq}: ${CHAIN_FAULTS[check.fault]}${check.detail ? ` (${check.detail})` : ''}`;
  const head = check.head ? `, head ${check.head}` : '';
  const signed = check.checkpoint ? `; reaches the checkpoint signed ${check.checkpoint.at} by key ${check.checkpoint.keyId} (seq ${check.checkpoint.seq})` : '';
  return `${groupId}: OK, ${check.entries} entries${head}${signed}`;
}

/**
 * Verifies each group's chain as stored, against its checkpoint where there is one: one line
 * per group, naming the group, the first bad seq and the fault. A group that cannot be read at
 * all is a failed line too, never an exception; a group named that has neither entries nor a
 * checkpoint is said not to exist.
 */
export async function verifyLedger(ledger: Ledger, options: VerifyLedgerOptions): Promise<LedgerVerdict> {
  const named = options.groups !== undefined;
  const groups = named ? [...options.groups!] : [...new Set([...(await ledger.groups()), ...options.checkpoints.keys()])];
  if (groups.length === 0) return { lines: ['No ledger entries yet.'], failed: 0 };
  const lines: string[] = [];
  let failed = 0;
  for (const groupId of groups.sort()) {
    const checkpoint = options.checkpoints.get(groupId);
    let check: ChainCheck;
    try {
      check = await ledger.verify(groupId, {
        ...(checkpoint ? { checkpoint } : {}),
        ...(options.trustedKey ? { trustedKey: options.trustedKey } : {}),
        ...(options.signingKeyId ? { signingKeyId: options.signingKeyId } : {}),
      });
    } catch (err) {
      failed++;
      lines.push(`${groupId}: FAILED: cannot read its ledger: ${err instanceof Error ? err.message : String(err)}`);
      continue;
    }
    if (named && check.ok && check.entries === 0 && !checkpoint) {
      failed++;
      lines.push(`${groupId}: no such group: the store has no ledger entries for it and no checkpoint names it`);
      continue;
    }
    if (!check.ok) failed++;
    lines.push(describeCheck(groupId, check));
  }
  return { lines, failed };
}
