import { existsSync } from 'node:fs';
import { openLedgerBackend } from '../../ledger/backends/openLedgerBackend.js';
import { Ledger } from '../../ledger/ledger.js';
import { redactUrl } from '../../store/redactUrl.js';
import { DEFAULT_STORE_URL, parseStoreUrl } from '../../store/storeUrl.js';
import { CliError } from '../cliError.js';

/** The store URL a ledger command reads: --store, else STORE_URL, else the embedded default. */
export const storeUrlOf = (flag: string | undefined) => flag ?? (process.env.STORE_URL || DEFAULT_STORE_URL);

/**
 * Opens the ledger at `url`, runs `task`, and always closes the connection. The ledger commands
 * only read, so a SQLite file that is not there is refused with a {@link CliError} rather than
 * created empty (with its folder): a mistyped path must not report an empty, intact ledger. A
 * store that cannot be reached rejects with the StoreError that says so, password redacted.
 */
export async function withLedger<T>(url: string, task: (ledger: Ledger) => Promise<T>): Promise<T> {
  const parsed = parseStoreUrl(url);
  if (parsed.ok && parsed.target.backend === 'sqlite' && !existsSync(parsed.target.file)) {
    throw new CliError(
      `no store at ${redactUrl(url)}: ${parsed.target.file} does not exist. Name the bot's store with --store or STORE_URL.`,
    );
  }
  // Postgres is only read: its tables are not created in a database that has none.
  const opened = await openLedgerBackend(url, parsed.ok && parsed.target.backend === 'postgres' ? { readOnly: true } : {});
  try {
    return await task(new Ledger(opened.backend));
  } finally {
    await opened.close();
  }
}
