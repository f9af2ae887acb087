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
 * The bot's logger (pino, JSON lines). Every line is scrubbed of the given secrets as it is
 * written, wherever they hide: a library's error message quoting the request URL
 * (`…/bot<token>/sendMessage`), a nested cause, a stack. Tokens never reach the log.
 */
export function createLogger(options: { level: string; secrets: readonly string[]; destination?: NodeJS.WritableStream }): Logger {
  const destination = options.destination ?? process.stderr;
  const secrets = options.secrets.filter((s) => s.length >= 8);
  return pino(
    { level: options.level, base: undefined },
    { write: (line: string) => destination.write(redactSecrets(line, secrets)) },
  );
}
