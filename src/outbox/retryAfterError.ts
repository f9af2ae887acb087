/**
 * Thrown by a platform adapter's `send` when the platform answers 429.
 * Telegram's `retry_after` is in seconds and applies to the chat; Discord can flag a limit as global.
 */
export class RetryAfterError extends Error {
  override readonly name = 'RetryAfterError';
  /** How long to wait before sending again, in milliseconds. */
  readonly retryAfterMs: number;
  /** Whether the pause applies to every chat rather than only the one sent to. */
  readonly global: boolean;

  constructor(retryAfterMs: number, options: { global?: boolean; cause?: unknown } = {}) {
    super(`rate limited: retry after ${retryAfterMs} ms${options.global ? ' (global)' : ''}`, { cause: options.cause });
    this.retryAfterMs = Math.max(0, retryAfterMs);
    this.global = options.global ?? false;
  }
}
