import { redactUrl, scrubSecrets } from '../../store/redactUrl.js';
import { StoreError, type StoreErrorCode } from '../../store/storeError.js';

/**
 * The error to surface when a ledger store cannot be opened (`unreachable`) or used
 * (`unavailable`): names the store by its URL without secrets and the operation that failed,
 * and scrubs the URL's secrets from the driver's message in case the driver echoed them.
 */
export function ledgerStoreError(code: StoreErrorCode, url: string, what: string, cause: unknown): StoreError {
  const reason = describeError(cause);
  const scrubbed = scrubSecrets(reason, url);
  // A driver error that quoted a secret is not kept as `cause` either: printing it would show it.
  return new StoreError(code, `ledger store ${redactUrl(url)}: ${what}: ${scrubbed}`, scrubbed === reason ? { cause } : {});
}

/** Connection failures to `localhost` come as an AggregateError (one per address) with no message of their own. */
function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  if (err instanceof AggregateError && err.errors.length > 0 && !err.message) return [...new Set(err.errors.map(describeError))].join('; ');
  const code = (err as { code?: unknown }).code;
  return err.message || (typeof code === 'string' ? code : err.name);
}
