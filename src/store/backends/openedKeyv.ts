import type Keyv from 'keyv';

/** A keyv instance over one backend, and how to let go of its connection or file. */
export interface OpenedKeyv {
  keyv: Keyv;
  close(): Promise<void>;
}

/** How every backend is opened: the keyv namespace, the SQL table, the time allowed to connect. */
export interface BackendOptions {
  namespace: string;
  table: string;
  timeoutMs: number;
}
