import type Keyv from 'keyv';
import type { RawCells } from './rawCells.js';

/** A keyv instance over one backend, its rows for atomic updates, and how to let go of it. */
export interface OpenedKeyv {
  keyv: Keyv;
  cells: RawCells;
  close(): Promise<void>;
}

/** How every backend is opened: the keyv namespace, the SQL table, the time allowed to connect. */
export interface BackendOptions {
  namespace: string;
  table: string;
  timeoutMs: number;
}
