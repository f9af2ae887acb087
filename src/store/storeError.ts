/** Why a store could not be opened or used; one table, so callers and tests can switch on it. */
export const STORE_ERROR_CODES = {
  /** The URL's scheme is none of memory:, sqlite://, redis(s)://, postgres(ql)://. */
  unknown_scheme: 'unknown_scheme',
  /** The scheme is known but the rest of the URL is not usable (no host, no path). */
  bad_url: 'bad_url',
  /** Opening failed: the server did not answer in time, refused, or the file cannot be opened. */
  unreachable: 'unreachable',
  /** An operation on an open store failed (the server went away, the disk is full). */
  unavailable: 'unavailable',
  /** An atomic update lost the race to other writers on every attempt (see MAX_UPDATE_ATTEMPTS). */
  contended: 'contended',
} as const;

export type StoreErrorCode = keyof typeof STORE_ERROR_CODES;

/**
 * A store that cannot be opened or used. The message names the backend and the URL with its
 * password redacted, never the password itself.
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown; general?: string },
  ) {
    super(message, options);
    this.general = options?.general ?? message;
  }

  /**
   * What went wrong without the key it went wrong on: said of other messages decided while the
   * store stays down, which are not that member's or that rumor's ("update strikes:…:202 failed"
   * named Alice's key in Bob's incident).
   */
  readonly general: string;
}
