import type { ChatMessage } from '../engine/chatMessage.js';
import type { ActionIntent, Decision } from '../engine/decision.js';
import type { ActionResult } from '../ledger/ledgerRecord.js';
import { Cooldown, QUIET_REPLY_INTERVAL_MS } from '../lib/cooldown.js';
import { type Attempt, errorText, type ModerationPort } from './moderationPort.js';

/**
 * Carries out decisions through a platform's port: the one place that maps an action type to what
 * a platform does, and the one place that knows the outcome of each attempt. Pointers and soft
 * replies are rate-limited here, for every platform alike: at most one per chat and rumor a
 * minute (a flood gets one reminder, not one each).
 */
export class DecisionExecutor {
  private readonly quietReplies: Cooldown;

  /** @param now the clock for cooldowns and outcome times; tests pass a fake one. */
  constructor(private readonly now: () => number = Date.now) {
    this.quietReplies = new Cooldown(QUIET_REPLY_INTERVAL_MS, now);
  }

  /**
   * Attempts every action of the decision (not the withheld ones: they were never to be done) and
   * resolves with what became of each, in the decision's order. Never rejects: a port that throws
   * is a failed action.
   */
  execute(decision: Decision, message: ChatMessage, port: ModerationPort): Promise<ActionResult[]> {
    const attempts = decision.actions.flatMap((intent) => (intent.type === 'log' ? [] : [this.attempt(intent, message, port)]));
    return Promise.all(attempts);
  }

  private async attempt(intent: Exclude<ActionIntent, { type: 'log' }>, message: ChatMessage, port: ModerationPort): Promise<ActionResult> {
    let attempt: Attempt;
    try {
      attempt = this.onCooldown(intent, message) ? { status: 'skipped', reason: 'cooldown' } : await carry(intent, port);
    } catch (error) {
      attempt = { status: 'failed', error: errorText(error) };
    }
    return { type: intent.type, at: new Date(this.now()).toISOString(), ...attempt };
  }

  private onCooldown(intent: ActionIntent, message: ChatMessage): boolean {
    if (intent.type !== 'pointer' && intent.type !== 'suggest_check') return false;
    // A member who asked is answered, however many pointers went out this minute.
    if (intent.type === 'pointer' && intent.asked) return false;
    // Per language: a member answered in Chinese is not kept from a pointer by one to the English answer.
    const chat = JSON.stringify([message.platform, message.groupId, message.channelId ?? '', intent.type, intent.debunkId, intent.language]);
    return !this.quietReplies.take(chat);
  }
}

/** The port's method for the intent's type; exhaustive, so a new action type must be handled here. */
function carry(intent: Exclude<ActionIntent, { type: 'log' }>, port: ModerationPort): Promise<Attempt> {
  switch (intent.type) {
    case 'reply_refutation':
      return port.reply_refutation(intent);
    case 'suggest_check':
      return port.suggest_check(intent);
    case 'pointer':
      return port.pointer(intent);
    case 'warn':
      return port.warn(intent);
    case 'delete':
      return port.delete(intent);
    case 'mute':
      return port.mute(intent);
    case 'alert_owners':
      return port.alert_owners(intent);
    default:
      return unreachable(intent);
  }
}

function unreachable(intent: never): never {
  throw new Error(`no port method for action ${JSON.stringify(intent)}`);
}
