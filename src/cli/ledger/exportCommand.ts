import { writeFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { checkpointsToUse } from '../../ledger/checkpoints/localCheckpoints.js';
import { exportLedger } from '../../ledger/export/exportLedger.js';
import { storeUrlOf, withLedger } from './withLedger.js';

const date = (value: string): Date => {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new InvalidArgumentError(`not a date: "${value}" (use YYYY-MM-DD or an ISO time)`);
  return d;
};

interface ExportFlags {
  group: string;
  since?: Date;
  until?: Date;
  format: 'csv' | 'json' | 'md';
  out?: string;
  store?: string;
}

/**
 * `ledger export --group G [--since] [--until] --format csv|json|md`: the md format is the owner's
 * management report; json keeps every hash so the chain can be re-checked from the file alone.
 * Each carries the group's latest signed checkpoint.
 */
export function exportCommand(): Command {
  return new Command('export')
    .description("export a group's ledger: csv, json, or md (the owner's management report)")
    .requiredOption('--group <id>', 'the group')
    .option('--since <date>', 'entries from this date on', date)
    .option('--until <date>', 'entries before this date', date)
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'json', 'md']).makeOptionMandatory())
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--store <url>', 'store URL (default: STORE_URL, else sqlite://data/rumorguard.sqlite)')
    .action(async (flags: ExportFlags) => {
      // Every format carries the group's latest signed checkpoint (LEDGER_CHECKPOINT_FILE).
      const signed = await checkpointsToUse(undefined);
      if (!signed.ok) {
        process.stderr.write(`Cannot export: ${signed.error}\n`);
        process.exitCode = 1;
        return;
      }
      const checkpoint = signed.checkpoints.get(flags.group);
      const text = await withLedger(storeUrlOf(flags.store), (ledger) =>
        exportLedger(ledger, flags.group, {
          format: flags.format,
          ...(flags.since ? { since: flags.since } : {}),
          ...(flags.until ? { until: flags.until } : {}),
          ...(checkpoint ? { checkpoint } : {}),
          ...(signed.trustedKey ? { trustedKey: signed.trustedKey } : {}),
        }),
      );
      if (flags.out) writeFileSync(flags.out, text);
      else process.stdout.write(text);
    });
}
