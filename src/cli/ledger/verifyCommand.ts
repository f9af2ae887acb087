import { Command } from 'commander';
import { checkpointsToUse } from '../../ledger/checkpoints/localCheckpoints.js';
import { verifyLedger } from '../../ledger/verifyLedger.js';
import { storeUrlOf, withLedger } from './withLedger.js';

interface VerifyFlags {
  group?: string;
  checkpoint?: string;
  store?: string;
}

/**
 * `ledger verify [--group G] [--checkpoint FILE]`: re-computes every hash of every chain (or one
 * group's), checks each against its latest signed checkpoint (from LEDGER_CHECKPOINT_FILE, or the
 * file given: a checkpoint file or any export), and names the group, the first bad sequence number
 * and the fault. Exit 1 when any chain fails or the group does not exist: scripts and auditors
 * can rely on it.
 */
export function verifyCommand(): Command {
  return new Command('verify')
    .description('check that no ledger entry was edited, deleted, reordered or forked, and none cut off the end since the last signed checkpoint')
    .option('--group <id>', 'only this group')
    .option('--checkpoint <file>', 'hold chains to the signed checkpoints in this file (a checkpoint file, or a json, csv or md export) instead of LEDGER_CHECKPOINT_FILE')
    .option('--store <url>', 'store URL (default: STORE_URL, else sqlite://data/rumorguard.sqlite)')
    .action(async (flags: VerifyFlags) => {
      const source = await checkpointsToUse(flags.checkpoint);
      if (!source.ok) {
        process.stderr.write(`Cannot verify: ${source.error}\n`);
        process.exitCode = 1;
        return;
      }
      let verdict;
      try {
        verdict = await withLedger(storeUrlOf(flags.store), (ledger) =>
          verifyLedger(ledger, {
            ...(flags.group ? { groups: [flags.group] } : {}),
            checkpoints: source.checkpoints,
            ...(source.trustedKey ? { trustedKey: source.trustedKey } : {}),
            ...(source.signingKeyId ? { signingKeyId: source.signingKeyId } : {}),
          }),
        );
      } catch (err) {
        // Store errors name the store without its password; nothing else is expected here.
        process.stderr.write(`Cannot verify: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(`${verdict.lines.join('\n')}\n`);
      if (source.checkpoints.size === 0) {
        process.stdout.write('No signed checkpoints: entries cut off the end of a chain cannot be detected (see LEDGER_CHECKPOINT_FILE).\n');
      }
      if (verdict.failed > 0) process.exitCode = 1;
    });
}
