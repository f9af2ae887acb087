import type { LedgerBackend } from '../ledgerBackend.js';

/** A ledger backend that holds a connection (a file handle, a socket, a pool) until closed. */
export interface ClosableLedgerBackend extends LedgerBackend {
  /** Releases the connection; pending operations finish first. */
  close(): Promise<void>;
}
