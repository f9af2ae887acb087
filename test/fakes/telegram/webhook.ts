import { badRequest } from './botApiError.js';
import { postJson, type PostJsonAnswer } from './postJson.js';
import type { ApiParams, Update } from './types.js';

/** Where the bot asked (via setWebhook) to receive updates. */
export interface WebhookTarget {
  /** The URL exactly as the bot set it, e.g. `https://127.0.0.1:8443/tg`. */
  url: string;
  /**
   * Where the fake really POSTs: the same host, port and path over plain http. The test
   * machine has no TLS certificate for the bot's server (telegraf serves plain http unless
   * given `tlsOptions`), while `setWebhook` only takes https URLs, as at Telegram.
   */
  deliveryUrl: string;
  /** Sent back in the `X-Telegram-Bot-Api-Secret-Token` header of every delivery. */
  secretToken?: string;
}

/** Telegram's rule for `secret_token`: 1–256 characters A-Z, a-z, 0-9, `_` and `-`. */
const SECRET_TOKEN = /^[A-Za-z0-9_-]{1,256}$/;

/**
 * The target described by setWebhook's parameters.
 *
 * @throws BotApiError 400 for a missing or non-https URL or a malformed secret token.
 */
export function webhookFromParams(params: ApiParams): WebhookTarget {
  const url = params.url;
  if (typeof url !== 'string' || url === '') throw badRequest('bad webhook: Webhook URL is empty');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badRequest('bad webhook: Failed to parse webhook URL');
  }
  if (parsed.protocol !== 'https:') throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
  const secretToken = params.secret_token;
  if (secretToken !== undefined && (typeof secretToken !== 'string' || !SECRET_TOKEN.test(secretToken))) {
    throw badRequest('secret token contains unallowed characters');
  }
  parsed.protocol = 'http:';
  return secretToken === undefined ? { url, deliveryUrl: parsed.href } : { url, deliveryUrl: parsed.href, secretToken };
}

/**
 * POST one update to the bot the way Telegram does: JSON body, secret token header.
 *
 * @throws Error when the bot cannot be reached or answers with a non-2xx status.
 */
export async function postUpdate(target: WebhookTarget, update: Update): Promise<PostJsonAnswer> {
  const headers: Record<string, string> = target.secretToken ? { 'X-Telegram-Bot-Api-Secret-Token': target.secretToken } : {};
  let answer: PostJsonAnswer;
  try {
    answer = await postJson(target.deliveryUrl, update, headers);
  } catch (error) {
    throw new Error(`could not deliver update ${update.update_id} to the bot's webhook ${target.deliveryUrl}: ${String(error)}`, {
      cause: error,
    });
  }
  if (answer.status < 200 || answer.status > 299) {
    const body = answer.text === '' ? '' : `: ${answer.text.slice(0, 300)}`;
    throw new Error(`the bot's webhook ${target.deliveryUrl} answered update ${update.update_id} with HTTP ${answer.status}${body}`);
  }
  return answer;
}
