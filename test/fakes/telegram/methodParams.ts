import { badRequest } from './botApiError.js';
import type { ApiParams, FakeMessage } from './types.js';

/*
 * Reading typed values out of a Bot API parameter object, refusing with the 400 Telegram
 * answers when a value is missing or of the wrong kind.
 */

/** True for a plain object, such as a nested parameter (`reply_markup`, `permissions`, `scope`). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The integer parameter `name`, e.g. `user_id` or `message_id`. */
export function intParam(params: ApiParams, name: string): number {
  const value = params[name];
  if (value === undefined) throw badRequest(`parameter "${name}" is required`);
  if (typeof value !== 'number' || !Number.isInteger(value)) throw badRequest(`invalid ${name} specified`);
  return value;
}

/**
 * A `reply_markup` parameter as the sent Message carries it: only inline keyboards are part of
 * a message; reply keyboards and ForceReply act on the member's client and leave no trace.
 */
export function inlineMarkup(value: unknown): FakeMessage['reply_markup'] {
  return isRecord(value) && Array.isArray(value.inline_keyboard) ? (structuredClone(value) as unknown as FakeMessage['reply_markup']) : undefined;
}
