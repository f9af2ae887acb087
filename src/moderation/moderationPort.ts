import type { IntentOf } from '../engine/decision.js';
import type { SkipReason } from '../ledger/ledgerRecord.js';
import type { ActionType } from '../rules/actionTypes.js';

/** The actions a platform carries out; `log` is the ledger's, done by the core. */
export type PlatformAction = Exclude<ActionType, 'log'>;

/**
 * What became of one attempt to carry out an action, as the platform saw it. `failed` carries
 * the platform's own words (a 403's description), never credentials.
 */
export type Attempt =
  | { status: 'done'; detail?: string }
  | { status: 'skipped'; reason: SkipReason; detail?: string }
  | { status: 'failed'; error: string };

/**
 * How a platform carries out the engine's decision about one message: one method per action type,
 * each rendering the intent's structured content in the platform's format and reporting what
 * really happened. A mapped type, so a new action type does not compile until every platform
 * (Telegram, Discord, the console playground) handles it.
 */
export type ModerationPort = { readonly [K in PlatformAction]: (intent: IntentOf<K>) => Promise<Attempt> };

/** The platform's error in words, for the ledger. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
