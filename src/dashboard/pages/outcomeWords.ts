import { type ActionStatus, type ActionView, reasonOf } from '../../ledger/incidentOutcomes.js';
import type { Stance } from '../../matching/types.js';
import type { ActionType } from '../../rules/actionTypes.js';
import type { TextKey, Translate } from '../texts.js';

/**
 * A stance, an action, an outcome and why, in the page's language: the identifiers the filters,
 * the ladder and the ledger use stay the values; these are what the admin reads.
 */
const STANCE_KEYS = { spread: 'stanceSpread', question: 'stanceQuestion', refute: 'stanceRefute', mock: 'stanceMock' } as const satisfies Record<Stance, TextKey>;

const ACTION_KEYS = {
  reply_refutation: 'actionReplyRefutation',
  suggest_check: 'actionSuggestCheck',
  pointer: 'actionPointer',
  warn: 'actionWarn',
  mute: 'actionMute',
  delete: 'actionDelete',
  alert_owners: 'actionAlertOwners',
  log: 'actionLog',
} as const satisfies Record<ActionType, TextKey>;

const STATUS_KEYS = { done: 'statusDone', skipped: 'statusSkipped', failed: 'statusFailed', withheld: 'statusWithheld', pending: 'statusPending' } as const satisfies Record<ActionStatus, TextKey>;

/** Why an action was withheld or skipped (a failure's why is the platform's own words, shown as they are). */
const WHY_KEYS: Readonly<Record<string, TextKey>> = {
  observe_mode: 'whyObserveMode',
  action_disabled: 'whyActionDisabled',
  inbox_full: 'whyInboxFull',
  cooldown: 'whyCooldown',
  merged: 'whyMerged',
  rate_limited: 'whyRateLimited',
  no_target: 'whyNoTarget',
  no_owner: 'whyNoOwner',
  shutdown: 'whyShutdown',
  unsupported: 'whyUnsupported',
};

/** The word for an identifier, or the identifier itself when it has none (a ledger written by another version). */
const wordOf = (t: Translate, keys: Readonly<Record<string, TextKey>>, id: string): string => (Object.hasOwn(keys, id) ? t(keys[id]!) : id);

/** An incident without a stance was recorded before stances were: it spread the rumor. */
export const stanceWord = (t: Translate, stance: Stance | string | undefined): string => wordOf(t, STANCE_KEYS, stance ?? 'spread');

export const actionWord = (t: Translate, type: ActionType | string): string => wordOf(t, ACTION_KEYS, type);

export const statusWord = (t: Translate, status: ActionStatus): string => wordOf(t, STATUS_KEYS, status);

/** Why an action was not done (see reasonOf). */
export const whyWord = (t: Translate, action: Pick<ActionView, 'type' | 'why'>): string => wordOf(t, WHY_KEYS, reasonOf(action) ?? '');

/** "pointer: skipped" / "指向辟谣：已跳过". */
export const outcomeWord = (t: Translate, a: { type: ActionType | string; status: ActionStatus }): string => t('outcomeOf', { action: actionWord(t, a.type), status: statusWord(t, a.status) });

/** Actions in words, joined as the language joins a list. */
export const actionWords = (t: Translate, types: readonly string[]): string => types.map((type) => actionWord(t, type)).join(t('listSeparator'));
