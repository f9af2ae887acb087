import { BotApiError, badRequest } from './botApiError.js';
import { errorMessage } from './errorMessage.js';
import type { InjectedFailures } from './injectedFailures.js';
import type { ApiParams, ApiResponse, RecordedCall } from './types.js';

/** Answers one Bot API method: its result, or a thrown {@link BotApiError} for Telegram's refusal. */
export type MethodHandler = (params: ApiParams) => unknown;

/** Handlers by Bot API method name, spelled as Telegram documents it (`sendMessage`). */
export type MethodTable = Record<string, MethodHandler>;

/**
 * Every Bot API call the bot makes, however it arrives (HTTP request or webhook answer):
 * answered by a handler unless a test injected a failure, and recorded with its answer.
 */
export class BotApiCalls {
  private readonly handlers: MethodTable;
  /**
   * One slot per call in arrival order, filled once the call is answered: a slow call must not
   * lose its place to a quicker one that arrived after it.
   */
  private readonly slots: (RecordedCall | undefined)[] = [];

  constructor(
    tables: MethodTable[],
    private readonly failures: InjectedFailures,
  ) {
    // Telegram's method names are case-insensitive, so handlers are looked up in lower case.
    const entries = tables.flatMap((table) => Object.entries(table));
    this.handlers = Object.fromEntries(entries.map(([name, handler]) => [name.toLowerCase(), handler]));
  }

  /** The answered calls, in arrival order. */
  get recorded(): RecordedCall[] {
    return this.slots.filter((call): call is RecordedCall => call !== undefined);
  }

  /**
   * Answer one call and record it. A `parseError` (the request body could not be read) is the
   * answer, and uses up no injected failure.
   */
  async call(method: string, params: ApiParams, viaWebhookReply: boolean, parseError?: BotApiError): Promise<ApiResponse> {
    const at = Date.now();
    const slot = this.slots.push(undefined) - 1;
    let response: ApiResponse;
    const injected = parseError ? undefined : this.failures.take(method);
    if (parseError) {
      response = { ok: false, ...parseError.body };
    } else if (injected) {
      response = { ok: false, ...injected };
    } else {
      response = await this.answer(method, params);
    }
    this.slots[slot] = { method, body: params, at, response, ...(viaWebhookReply ? { viaWebhookReply: true as const } : {}) };
    return response;
  }

  private async answer(method: string, params: ApiParams): Promise<ApiResponse> {
    try {
      const handler = this.handlers[method.toLowerCase()];
      if (!handler) throw badRequest('method not found');
      return { ok: true, result: await handler(params) };
    } catch (error) {
      return error instanceof BotApiError
        ? { ok: false, ...error.body }
        : { ok: false, error_code: 500, description: `Internal Server Error: the fake failed: ${errorMessage(error)}` };
    }
  }
}
