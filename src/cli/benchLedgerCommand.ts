import { Command } from 'commander';
import { formatLedgerBench, LEDGER_BENCH_NOTES, runLedgerBench } from '../bench/ledger/ledgerBench.js';

/**
 * `rumorguard bench-ledger [--json]`: ledger appends/s and latency per store, one writer and
 * several at once. Redis and PostgreSQL run when REDIS_URL / POSTGRES_URL are set.
 */
export function benchLedgerCommand(): Command {
  return new Command('bench-ledger')
    .description('measure ledger appends/s on memory, SQLite, and Redis/PostgreSQL when REDIS_URL/POSTGRES_URL are set')
    .option('--json', 'print the results as JSON')
    .action(async (flags: { json?: boolean }) => {
      const results = await runLedgerBench({ redisUrl: process.env.REDIS_URL, postgresUrl: process.env.POSTGRES_URL });
      if (flags.json) {
        process.stdout.write(`${JSON.stringify({ results })}\n`);
      } else {
        const skipped = [!process.env.REDIS_URL && 'redis (set REDIS_URL)', !process.env.POSTGRES_URL && 'postgres (set POSTGRES_URL)'].filter(Boolean);
        process.stdout.write(`${formatLedgerBench(results)}\n\n${LEDGER_BENCH_NOTES}\n${skipped.length > 0 ? `Not run: ${skipped.join(', ')}.\n` : ''}`);
      }
      if (results.some((r) => !r.verified)) process.exitCode = 1;
    });
}
