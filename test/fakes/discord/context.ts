import type { CdnFiles } from './cdnFiles.js';
import type { CommandStore } from './commands.js';
import type { Delivery } from './delivery.js';
import type { InteractionStore } from './interactions.js';
import type { MessageStore } from './messages.js';
import type { Snowflakes } from './snowflakes.js';
import type { FakeDiscordOptions } from './types.js';
import type { World } from './world.js';

/** The fake's shared state, handed to every group of REST routes. */
export interface FakeContext {
  readonly options: FakeDiscordOptions;
  readonly ids: Snowflakes;
  readonly world: World;
  readonly messages: MessageStore;
  readonly commands: CommandStore;
  readonly interactions: InteractionStore;
  /** Routes gateway events, e.g. the MESSAGE_CREATE echo of what the bot posts. */
  readonly delivery: Delivery;
  /** The gateway URL GET /gateway/bot announces. */
  readonly gatewayUrl: string;
  /** The shard count GET /gateway/bot recommends. */
  readonly recommendedShards: number;
  /** Users whose DMs are closed to the bot (POSTs to their DM channel get 50007). */
  readonly closedDms: Set<string>;
  /** Members' attachments and embed images, served at the REST server's /cdn/. */
  readonly cdn: CdnFiles;
}
