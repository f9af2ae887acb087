import { plainName } from '../../src/engine/plainText.js';
import { AlertThrottle } from '../../src/alerts/alertThrottle.js';
import { alertClaim, type Language } from '../../src/engine/templates.js';
import { alertAttempt, heldAlert } from '../../src/moderation/alertAttempt.js';
import type { Attempt } from '../../src/moderation/moderationPort.js';
import type { Clock } from '../../src/outbox/clock.js';
import type { DeliveryFate } from '../../src/outbox/types.js';
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
  /** The rumor as the database words it, for a digest to name (see alertClaim). */
  claim: string;
  memberName: string;
  strikes: number;
  lang: Language;
  /** User ids the rules name as owners: told by direct message too (unless alerts go to a channel). */
  owners?: readonly string[];
  embed: APIEmbed;
}

const alertChannelKey = (guildId: string) => `dc:alertchannel:${guildId}`;

/**
 * Where a server's owner alerts go: the channel an admin set with `/rumorguard alerts`, else a
 * direct message to the server owner. Deduplicated per server and rumor, with one digest per
 * window while a rumor keeps spreading (as on Telegram).
 */
export class DiscordAlerts {
  private readonly throttle: AlertThrottle<DiscordAlert, Attempt>;

  constructor(
    private readonly store: KeyValueStore,
    private readonly send: (payload: DiscordOutgoing) => Promise<DeliveryFate>,
    onError: (error: unknown) => void,
    options: { windowMs?: number; clock?: Clock } = {},
  ) {
    this.throttle = new AlertThrottle<DiscordAlert, Attempt>({
      deliver: (t) => {
        const alert = t.kind === 'first' ? t.alert : t.latest;
        const payload: Omit<DiscordOutgoing, 'to'> =
          t.kind === 'first'
            ? { embeds: [alert.embed] }
            : {
                content: text(alert.lang, 'digest', {
                  n: t.count,
                  claim: safeText(alertClaim(alert.claim)),
                  debunk: safeText(alert.debunkId, 100),
                  guild: safeText(alert.guildName, 100),
                  since: `${new Date(t.since).toISOString().slice(11, 16)} UTC`,
                  name: safeText(plainName(alert.memberName), 100),
                  strikes: alert.strikes,
                }),
              };
        return this.targets(alert.guildId, alert.ownerId, alert.owners).then(async (targets) => {
          const fates: DeliveryFate[] = await Promise.all(targets.map((to) => this.send({ ...payload, to })));
          // An alert channel the bot cannot post in (its access taken away, the channel deleted):
          // the owner hears of it by direct message instead of not at all.
          const noneSent = !fates.some((f) => f.status === 'sent');
          if ('channel' in targets[0]! && noneSent) fates.push(await this.send({ ...payload, to: { user: alert.ownerId } }));
          return alertAttempt(fates);
        });
      },
      onError,
      ...options,
    });
  }

  /** Sends an owner alert, or holds it for its rumor's digest; resolves with what became of it. */
  async alert(alert: DiscordAlert): Promise<Attempt> {
    const pushed = this.throttle.push(JSON.stringify([alert.guildId, alert.debunkId]), alert);
    if (pushed.held) return heldAlert();
    return (await pushed.delivered) ?? { status: 'failed', error: 'the alert could not be routed (the store is unreachable)' };
  }

  /** The alert channel of a server, or the owner's DMs. */
  async target(guildId: string, ownerId: string): Promise<DiscordOutgoing['to']> {
    const channel = await this.store.get<string>(alertChannelKey(guildId));
    return channel ? { channel } : { user: ownerId };
  }

  /** Where an alert goes: the alert channel, else the server owner and every owner the rules name, by DM. */
  private async targets(guildId: string, ownerId: string, owners: readonly string[] = []): Promise<DiscordOutgoing['to'][]> {
    const to = await this.target(guildId, ownerId);
    if ('channel' in to) return [to];
    const named = owners.filter((id) => /^\d{1,20}$/.test(id));
    return [...new Set([ownerId, ...named])].map((user) => ({ user }));
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
