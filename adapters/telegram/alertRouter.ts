import { plainName } from '../../src/engine/plainText.js';
import { AlertThrottle, type ThrottledAlert } from '../../src/alerts/alertThrottle.js';
import { alertClaim, type Language } from '../../src/engine/templates.js';
import { alertAttempt, heldAlert } from '../../src/moderation/alertAttempt.js';
import type { Attempt } from '../../src/moderation/moderationPort.js';
import type { Clock } from '../../src/outbox/clock.js';
import type { DeliveryFate } from '../../src/outbox/types.js';
import type { KeyValueStore } from '../../src/store/keyValueStore.js';
import type { AdminCache } from './adminCache.js';
import { textHtml } from './texts.js';

/** One owner alert, before throttling. */
export interface OwnerAlert {
  groupId: number;
  groupTitle: string;
  debunkId: string;
  /** The rumor as the database words it, for a digest to name (see alertClaim). */
  claim: string;
  memberName: string;
  strikes: number;
  lang: Language;
  /** User ids the rules name as owners: told too, where Telegram lets the bot write to them. */
  owners?: readonly string[];
  /** The full alert, ready to send. */
  html: string;
}

const alertChatKey = (groupId: number) => `tg:alertchat:${groupId}`;
const startedKey = (userId: number) => `tg:started:${userId}`;

export interface AlertRouterOptions {
  store: KeyValueStore;
  admins: AdminCache;
  /** Queues an alert for a chat (high priority: alerts are never evicted under a flood). */
  send: (chatId: number, html: string) => Promise<DeliveryFate>;
  /** Called when an alert has nowhere to go (no linked chat, no admin started the bot). */
  onUndeliverable?: (alert: OwnerAlert) => void;
  onError?: (error: unknown) => void;
  windowMs?: number;
  clock?: Clock;
}

/**
 * Where owner alerts go: the chat an admin linked with `/rg alerts`, else a private message to
 * every admin of the group who has started the bot (Telegram lets bots write only to those).
 * Alerts are deduplicated per group and rumor; the rest of a window arrives as one digest.
 */
export class AlertRouter {
  private readonly throttle: AlertThrottle<OwnerAlert, Attempt>;

  constructor(private readonly options: AlertRouterOptions) {
    this.throttle = new AlertThrottle<OwnerAlert, Attempt>({
      deliver: (alert) => this.deliver(alert),
      ...(options.onError ? { onError: options.onError } : {}),
      ...(options.windowMs !== undefined ? { windowMs: options.windowMs } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    });
  }

  /**
   * Sends an owner alert, or holds it for the digest of its rumor; resolves with what became of
   * it: sent to at least one chat, counted in the digest, or nobody to send it to.
   */
  async alert(alert: OwnerAlert): Promise<Attempt> {
    const pushed = this.throttle.push(JSON.stringify([alert.groupId, alert.debunkId]), alert);
    if (pushed.held) return heldAlert();
    return (await pushed.delivered) ?? { status: 'failed', error: 'the alert could not be routed (the store is unreachable)' };
  }

  /** Alerts of `groupId` go to `chatId` from now on. */
  link(groupId: number, chatId: number): Promise<void> {
    return this.options.store.set(alertChatKey(groupId), chatId);
  }

  /** The chat linked for a group's alerts, if any. */
  targetChat(groupId: number): Promise<number | undefined> {
    return this.options.store.get<number>(alertChatKey(groupId));
  }

  /** Back to private messages to admins. */
  async unlink(groupId: number): Promise<void> {
    await this.options.store.delete(alertChatKey(groupId));
  }

  /** A user pressed Start in a private chat: the bot may now write to them. */
  markStarted(userId: number): Promise<void> {
    return this.options.store.set(startedKey(userId), true);
  }

  hasStarted(userId: number): Promise<boolean> {
    return this.options.store.get<boolean>(startedKey(userId)).then(Boolean);
  }

  /** Resolves when every alert handed over so far is queued for sending. */
  settled(): Promise<void> {
    return this.throttle.settled();
  }

  /** Delivers pending digests now (on shutdown). */
  flush(): void {
    this.throttle.flush();
  }

  /**
   * The chats an alert of this group goes to: the linked alert chat, else every admin (and every
   * owner the rules name) who started a private chat with the bot.
   */
  async targets(groupId: number, owners: readonly string[] = []): Promise<number[]> {
    const linked = await this.options.store.get<number>(alertChatKey(groupId));
    if (linked !== undefined) return [linked];
    const admins = [...(await this.options.admins.admins(groupId)).values()].filter((m) => !m.user.is_bot).map((m) => m.user.id);
    const named = owners.map(Number).filter((id) => Number.isSafeInteger(id) && id > 0);
    const people = [...new Set([...admins, ...named])];
    const started = await Promise.all(people.map(async (id) => ((await this.hasStarted(id)) ? id : undefined)));
    return started.filter((id): id is number => id !== undefined);
  }

  private async deliver(t: ThrottledAlert<OwnerAlert>): Promise<Attempt> {
    const alert = t.kind === 'first' ? t.alert : t.latest;
    const html =
      t.kind === 'first'
        ? alert.html
        : textHtml(alert.lang, 'digest', {
            n: t.count,
            claim: alertClaim(alert.claim),
            debunk: alert.debunkId,
            group: alert.groupTitle,
            since: new Date(t.since).toISOString().slice(11, 16) + ' UTC',
            name: plainName(alert.memberName),
            strikes: alert.strikes,
          });
    const targets = await this.targets(alert.groupId, alert.owners);
    if (targets.length === 0) this.options.onUndeliverable?.(alert);
    return alertAttempt(await Promise.all(targets.map((chatId) => this.options.send(chatId, html))));
  }
}
