import type { BotCommands } from './botCommands.js';
import type { BotDelivery } from './botDelivery.js';
import type { BotMessageLog } from './botMessageLog.js';
import type { ChatDirectory } from './chatDirectory.js';
import type { ChatMessages } from './chatMessages.js';
import type { EmulatorLink } from './emulator.js';
import type { EmulatorRelay } from './emulatorRelay.js';
import type { FakeTelegramOptions } from './types.js';
import type { MemberFiles } from './memberFiles.js';
import type { UploadedDocuments } from './uploadedDocuments.js';

/**
 * One fake's state, shared by its Bot API method handlers and its members' actions. Each of
 * those takes only the part it uses (`Pick<FakeState, …>`), so what it touches stays visible.
 */
export interface FakeState {
  /** The front server's base URL; the emulator's webhook points there. */
  readonly apiRoot: string;
  readonly options: FakeTelegramOptions;
  readonly emulator: EmulatorLink;
  readonly directory: ChatDirectory;
  readonly messages: ChatMessages;
  readonly botMessageLog: BotMessageLog;
  readonly documents: UploadedDocuments;
  /** Photos and documents members sent (getFile, file downloads). */
  readonly files: MemberFiles;
  readonly commands: BotCommands;
  /** Callback queries delivered to the bot and not yet answered with answerCallbackQuery. */
  readonly openCallbackQueries: Set<string>;
  readonly delivery: BotDelivery;
  readonly relay: EmulatorRelay;
}
