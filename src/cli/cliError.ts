/**
 * A mistake the person at the command line can put right: a store that is not there, a group the
 * ledger does not know, `--since` after `--until`. A command throws it instead of setting an exit
 * code in several places; the entry point prints the message as one line, without a stack, and
 * exits with `exitCode`. The message must say what is wrong in the user's terms and never hold a
 * secret.
 */
export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    message: string,
    /** @defaultValue 1 */
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
