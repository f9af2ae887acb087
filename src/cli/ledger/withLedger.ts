import { openLedgerBackend } from '../../ledger/backends/openLedgerBackend.js';
import { Ledger } from '../../ledger/ledger.js';

/** The store URL a ledger command reads: --store, else STORE_URL, else the embedded default. */
export const storeUrlOf = (flag: string | undefined) => flag ?? process.env.STORE_URL ?? 'sqlite://data/rumorguard.sqlite';

/** Opens the ledger at `url`, runs `task`, and always closes the connection. */
export async function withLedger<T>(url: string, task: (ledger: Ledger) => Promise<T>): Promise<T> {
  const opened = await openLedgerBackend(url);
  try {
    return await task(new Ledger(opened.backend));
  } finally {
    await opened.close();
  }
}
