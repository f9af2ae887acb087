import { AlertThrottle, type ThrottledAlert } from '../../src/alerts/alertThrottle.js';
import type { Language } from '../../src/engine/templates.js';
import type { Clock } from '../../src/outbox/clock.js';
import type { KeyValueStore } from '../../src/store/keyValueStore.js';
import type { AdminCache } from './adminCache.js';
import { textHtml } from './texts.js';

/** One owner alert, before throttling. */
export interface OwnerAlert {
  groupId: number;
  groupTitle: string;
  debunkId: string;
  memberName: string;
  strikes: number;
  lang: Language;
  /** The full alert, ready to send. */
  html: string;
}

const alertChatKey = (groupId: number) => `tg:alertchat:${groupId}`;
const startedKey = (userId: number) => `tg:started:${userId}`;

export interface AlertRouterOptions {
  store: KeyValueStore;
  admins: AdminCache;
  /** Queues an alert for a chat (high priority: alerts are never evicted under a flood). */
  send: (chatId: number, html: string) => void;
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
  private readonly throttle: AlertThrottle<OwnerAlert>;

  constructor(private readonly options: AlertRouterOptions) {
    this.throttle = new AlertThrottle<OwnerAlert>({
      deliver: (alert) => this.deliver(alert),
      ...(options.onError ? { onError: options.onError } : {}),
      ...(options.windowMs !== undefined ? { windowMs: options.windowMs } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    });
  }

  alert(alert: OwnerAlert): 'sent' | 'held' {
    return this.throttle.push(`${alert.groupId}:${alert.debunkId}`, alert);
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

  /** The chats an alert of this group goes to. */
  async targets(groupId: number): Promise<number[]> {
    const linked = await this.options.store.get<number>(alertChatKey(groupId));
    if (linked !== undefined) return [linked];
    const admins = [...(await this.options.admins.admins(groupId)).values()].filter((m) => !m.user.is_bot);
    const started = await Promise.all(admins.map(async (m) => ((await this.hasStarted(m.user.id)) ? m.user.id : undefined)));
    return started.filter((id): id is number => id !== undefined);
  }

  private async deliver(t: ThrottledAlert<OwnerAlert>): Promise<void> {
    const alert = t.kind === 'first' ? t.alert : t.latest;
    const html =
      t.kind === 'first'
        ? alert.html
        : textHtml(alert.lang, 'digest', {
            n: t.count,
            debunk: alert.debunkId,
            group: alert.groupTitle,
            since: new Date(t.since).toISOString().slice(11, 16) + ' UTC',
            name: alert.memberName,
            strikes: alert.strikes,
          });
    const targets = await this.targets(alert.groupId);
    if (targets.length === 0) this.options.onUndeliverable?.(alert);
    for (const chatId of targets) this.options.send(chatId, html);
  }
}
