import { Command } from 'commander';
import { CHAIN_FAULTS } from '../../ledger/verifyChain.js';
import { storeUrlOf, withLedger } from './withLedger.js';

/**
 * `ledger verify [--group G]`: re-computes every hash of every chain (or one group's) and names
 * the first bad sequence number. Exit 1 when any chain fails: scripts and auditors can rely on it.
 */
export function verifyCommand(): Command {
  return new Command('verify')
    .description('check that no ledger entry was edited, deleted, reordered or forked')
    .option('--group <id>', 'only this group')
    .option('--store <url>', 'store URL (default: STORE_URL, else sqlite://data/rumorguard.sqlite)')
    .action(async (flags: { group?: string; store?: string }) => {
      const failed = await withLedger(storeUrlOf(flags.store), async (ledger) => {
        const groups = flags.group ? [flags.group] : await ledger.groups();
        if (groups.length === 0) process.stdout.write('No ledger entries yet.\n');
        let bad = 0;
        for (const group of groups.sort()) {
          const check = await ledger.verify(group);
          if (check.ok) {
            process.stdout.write(`${group}: OK, ${check.entries} entries${check.head ? `, head ${check.head}` : ''}\n`);
          } else {
            bad++;
            process.stdout.write(`${group}: FAILED at seq ${check.seq}: ${CHAIN_FAULTS[check.fault]}\n`);
          }
        }
        return bad;
      });
      if (failed > 0) process.exitCode = 1;
    });
}
