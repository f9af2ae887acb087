import { AlertThrottle } from '../../src/alerts/alertThrottle.js';
import type { Language } from '../../src/engine/templates.js';
import type { Clock } from '../../src/outbox/clock.js';
import type { KeyValueStore } from '../../src/store/keyValueStore.js';
import type { APIEmbed } from 'discord.js';
import type { DiscordOutgoing } from './outgoing.js';
import { safeText } from './markdown.js';
import { text } from './texts.js';

/** One owner alert, before throttling. */
export interface DiscordAlert {
  guildId: string;
  guildName: string;
  ownerId: string;
  debunkId: string;
  memberName: string;
  strikes: number;
  lang: Language;
  embed: APIEmbed;
}

const alertChannelKey = (guildId: string) => `dc:alertchannel:${guildId}`;

/**
 * Where a server's owner alerts go: the channel an admin set with `/rumorguard alerts`, else a
 * direct message to the server owner. Deduplicated per server and rumor, with one digest per
 * window while a rumor keeps spreading (as on Telegram).
 */
export class DiscordAlerts {
  private readonly throttle: AlertThrottle<DiscordAlert>;

  constructor(
    private readonly store: KeyValueStore,
    private readonly send: (payload: DiscordOutgoing) => void,
    onError: (error: unknown) => void,
    options: { windowMs?: number; clock?: Clock } = {},
  ) {
    this.throttle = new AlertThrottle<DiscordAlert>({
      deliver: (t) => {
        const alert = t.kind === 'first' ? t.alert : t.latest;
        const payload: Omit<DiscordOutgoing, 'to'> =
          t.kind === 'first'
            ? { embeds: [alert.embed] }
            : {
                content: text(alert.lang, 'digest', {
                  n: t.count,
                  debunk: safeText(alert.debunkId, 100),
                  guild: safeText(alert.guildName, 100),
                  since: `${new Date(t.since).toISOString().slice(11, 16)} UTC`,
                  name: safeText(alert.memberName, 100),
                  strikes: alert.strikes,
                }),
              };
        return this.target(alert.guildId, alert.ownerId).then((to) => this.send({ ...payload, to }));
      },
      onError,
      ...options,
    });
  }

  alert(alert: DiscordAlert): 'sent' | 'held' {
    return this.throttle.push(`${alert.guildId}:${alert.debunkId}`, alert);
  }

  /** The alert channel of a server, or the owner's DMs. */
  async target(guildId: string, ownerId: string): Promise<DiscordOutgoing['to']> {
    const channel = await this.store.get<string>(alertChannelKey(guildId));
    return channel ? { channel } : { user: ownerId };
  }

  setChannel(guildId: string, channelId: string | undefined): Promise<unknown> {
    return channelId ? this.store.set(alertChannelKey(guildId), channelId) : this.store.delete(alertChannelKey(guildId));
  }

  settled(): Promise<void> {
    return this.throttle.settled();
  }

  flush(): void {
    this.throttle.flush();
  }
}
