/**
 * A store URL as it may appear in a message or a log: the password replaced by `***`. A URL that
 * cannot be parsed is shown by its scheme only, since its password cannot be located in it.
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
    return scheme ? `${scheme}://(unparsable URL)` : '(unparsable URL)';
  }
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/**
 * The error to surface when a store cannot be opened or used: names the store without its password,
 * keeps the driver's error as `cause`, and scrubs the password from the driver's message in case
 * the driver echoed it.
 */
export function storeError(url: string, what: string, cause: unknown): Error {
  const reason = describeError(cause);
  const scrubbed = scrubPassword(url, reason);
  // A driver error that quoted the password is not kept either: printing `cause` would show it.
  return new Error(`ledger store ${redactUrl(url)}: ${what}: ${scrubbed}`, scrubbed === reason ? { cause } : {});
}

/** Connection failures to `localhost` come as an AggregateError (one per address) with no message of their own. */
function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  if (err instanceof AggregateError && err.errors.length > 0 && !err.message) return [...new Set(err.errors.map(describeError))].join('; ');
  const code = (err as { code?: unknown }).code;
  return err.message || (typeof code === 'string' ? code : err.name);
}

function scrubPassword(url: string, text: string): string {
  let password = '';
  try {
    password = decodeURIComponent(new URL(url).password);
  } catch {
    return text;
  }
  return password ? text.split(password).join('***') : text;
}

/** Names used inside SQL statements cannot be bound as parameters, so only plain ones are accepted. */
export function checkTableName(table: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(table)) {
    throw new Error(`ledger table name ${JSON.stringify(table)} is not allowed: use lower-case letters, digits and _ (max 63, not starting with a digit)`);
  }
  return table;
}
