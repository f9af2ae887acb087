import type { ApiErrorBody } from './types.js';

/**
 * A Bot API refusal thrown inside a method handler. The request router turns it into the
 * JSON body Telegram would send, with the HTTP status equal to `error_code` (Telegram does
 * that too; telegraf reads the JSON body for any status below 500).
 */
export class BotApiError extends Error {
  /** The JSON error body, without `ok`. */
  readonly body: ApiErrorBody;

  constructor(errorCode: number, description: string, parameters?: ApiErrorBody['parameters']) {
    super(`${errorCode}: ${description}`);
    this.name = 'BotApiError';
    this.body = parameters ? { error_code: errorCode, description, parameters } : { error_code: errorCode, description };
  }
}

/** The 400 Telegram sends for a malformed or impossible request, e.g. `chat not found`. */
export function badRequest(reason: string): BotApiError {
  return new BotApiError(400, `Bad Request: ${reason}`);
}
