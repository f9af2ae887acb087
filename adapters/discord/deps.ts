import type { Client } from 'discord.js';
import type { LoginLinks } from '../../src/dashboard/loginLinks.js';
import type { Engine } from '../../src/engine/engine.js';
import type { Moderator } from '../../src/moderation/moderator.js';
import type { Language } from '../../src/engine/templates.js';
import type { Ledger } from '../../src/ledger/ledger.js';
import type { Logger } from '../../src/lib/logger.js';
import type { DeliveryFate, Priority } from '../../src/outbox/types.js';
import type { KeyValueStore } from '../../src/store/keyValueStore.js';
import type { DiscordAlerts } from './alerts.js';
import type { DiscordOutgoing } from './outgoing.js';
import { languageOfLocale } from './texts.js';

/** What the Discord handlers share. */
export interface DiscordDeps {
  client: Client;
  moderator: Moderator;
  engine: Engine;
  ledger?: Ledger;
  store: KeyValueStore;
  alerts: DiscordAlerts;
  log: Logger;
  /**
   * Queues a message under the rate limits (the key of the queue is the channel, or DM user);
   * resolves, never rejects, with what became of it.
   */
  enqueue: (priority: Priority, payload: DiscordOutgoing, mergeKey?: string) => Promise<DeliveryFate>;
  now: () => number;
  /** The dashboard's login links, for `/rumorguard dashboard`; absent when the dashboard is off. */
  dashboardLinks?: LoginLinks;
  /** The largest file `/rumorguard export` attaches (default: 10 MiB, a server without boosts). */
  uploadLimitBytes?: number;
}

/**
 * The language of the bot's own texts in a server: the server's setting, or with `auto` the
 * server's preferred locale (zh-CN, zh-TW → Chinese).
 */
export async function guildLanguage(deps: DiscordDeps, guildId: string, preferredLocale: string | undefined): Promise<Language> {
  const settings = await deps.engine.settingsFor(guildId).catch(() => undefined);
  if (settings && settings.language !== 'auto') return settings.language;
  return languageOfLocale(preferredLocale);
}
