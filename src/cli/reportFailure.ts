import { inspect } from 'node:util';
import { REDACTED, scrubSecrets } from '../store/redactUrl.js';
import { StoreError } from '../store/storeError.js';
import { CliError } from './cliError.js';

/** Set it (to anything but empty or 0) and an unexpected failure prints its whole stack. */
export const DEBUG_ENV = 'RUMORGUARD_DEBUG';

/** What the entry point prints for a failure that reached it, and the exit code. */
export interface FailureReport {
  text: string;
  exitCode: number;
}

/** True when {@link DEBUG_ENV} asks for stacks. */
export function debugWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env[DEBUG_ENV];
  return value !== undefined && value !== '' && value !== '0';
}

/**
 * The one handler for whatever a command throws. An ordinary mistake ({@link CliError}, or a
 * StoreError: a store that cannot be reached or opened) is its message on one line. Anything else
 * is a bug or a failure nobody foresaw: one line with its message and how to see the stack. With
 * {@link DEBUG_ENV} set, everything but a CliError prints its stack and cause instead. Every form is scrubbed of the secrets the
 * environment holds (tokens, the store password), which a driver's message may quote.
 */
export function reportFailure(error: unknown, env: NodeJS.ProcessEnv = process.env): FailureReport {
  // Our own messages show URLs redacted already; a stranger's may quote one whole.
  const scrub = (text: string) => scrubEnvSecrets(text, env);
  const scrubAll = (text: string) => scrub(text).replace(/(\/\/[^/@:\s]*:)[^/@\s]*@/g, `$1${REDACTED}@`);
  if (error instanceof CliError) return { text: `error: ${scrub(oneLine(error.message))}\n`, exitCode: error.exitCode };
  // Asked for, the stack of a store failure too: its cause is the driver's own error.
  if (debugWanted(env)) return { text: `${scrubAll(inspect(error))}\n`, exitCode: 1 };
  if (error instanceof StoreError) return { text: `error: ${scrub(oneLine(error.message))}\n`, exitCode: 1 };
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    text: `error: unexpected failure: ${scrubAll(oneLine(what))} (run again with ${DEBUG_ENV}=1 to see where it happened)\n`,
    exitCode: 1,
  };
}

/** Environment variables whose values are secrets: bot tokens, webhook secrets, passwords. */
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|KEY/i;
/**
 * Variables that name where a secret is kept, not the secret: a path is no secret (QA: `--out
 * /tmp/key.pem is the ledger signing key` was printed as `--out *** is …`, since LEDGER_KEY_FILE
 * held that path).
 */
const PATH_NAME = /_(?:FILE|DIR|PATH)$/i;

/**
 * `text` without the secrets of `env`: the password of STORE_URL and the value of every variable
 * named like a secret, but for those naming a file or folder (PATH_NAME). Values shorter than 6
 * characters are left alone: replacing "1" everywhere would garble the message and hide nothing.
 */
export function scrubEnvSecrets(text: string, env: NodeJS.ProcessEnv): string {
  let out = env.STORE_URL ? scrubSecrets(text, env.STORE_URL) : text;
  for (const [name, value] of Object.entries(env)) {
    if (value && value.length >= 6 && SECRET_NAME.test(name) && !PATH_NAME.test(name)) out = out.replaceAll(value, REDACTED);
  }
  return out;
}

function oneLine(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}
