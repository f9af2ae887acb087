import { pino, type Logger } from 'pino';

export type { Logger };

/** Shown instead of a secret wherever it would appear in a log line. */
export const REDACTED = '[redacted]';

/**
 * Replaces every occurrence of the secrets in a text. Secrets shorter than 8 characters are
 * ignored: redacting "1" would mangle every number in the log.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join(REDACTED);
  return out;
}

/**
 * Secrets the bot is handed while it runs, found by where they stand in a URL: a Discord
 * interaction's token (`/webhooks/<app>/<token>/…` answers it, `/interactions/<id>/<token>/callback`
 * acknowledges it: for 15 minutes anyone holding it speaks as the bot in that channel) and a
 * dashboard login link's token (`/login/<token>` logs an admin in). A failed request's error
 * carries its URL.
 */
const SECRETS_IN_URLS = /(\/(?:webhooks|interactions)\/\d+\/)[\w.-]{20,}|(\/login\/)[\w-]{43}(?![\w-])/g;

/** `text` with the secrets of SECRETS_IN_URLS redacted. */
export function redactUrlSecrets(text: string): string {
  return text.replace(SECRETS_IN_URLS, (_match, apiPath: string | undefined, loginPath: string | undefined) => `${apiPath ?? loginPath}${REDACTED}`);
}

/**
 * What a failed request's error carries that is no business of the log: the body it sent (a
 * message to an admin alone, a login link, a member's text). discord.js errors hold it as
 * `requestBody`; the error's message, status, method and URL (its token redacted) stay.
 */
const REDACT_PATHS = ['err.requestBody', 'error.requestBody', 'err.cause.requestBody', '*.err.requestBody'];

/**
 * An error for a log line: an ordinary condition (one with a code: a port in use, a server that
 * refuses, a revoked token's 401) by its type, message and code alone; anything else whole, stack
 * included, for whoever has to find the bug.
 */
export function loggedError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const code = (error as { code?: unknown }).code ?? (error as { response?: { error_code?: unknown } }).response?.error_code;
  if (typeof code !== 'string' && typeof code !== 'number') return error;
  return { type: error.name, message: error.message, code };
}

/**
 * The bot's logger (pino, JSON lines). Every line is scrubbed of the given secrets as it is
 * written, wherever they hide: a library's error message quoting the request URL
 * (`…/bot<token>/sendMessage`), a nested cause, a stack; so are interaction and login tokens in
 * URLs (SECRETS_IN_URLS) and the bodies of failed requests (REDACT_PATHS). Tokens never reach the log.
 */
export function createLogger(options: { level: string; secrets: readonly string[]; destination?: NodeJS.WritableStream }): Logger {
  const destination = options.destination ?? process.stderr;
  const secrets = options.secrets.filter((s) => s.length >= 8);
  return pino(
    { level: options.level, base: undefined, redact: { paths: REDACT_PATHS, censor: REDACTED } },
    { write: (line: string) => destination.write(redactUrlSecrets(redactSecrets(line, secrets))) },
  );
}
