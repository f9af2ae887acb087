import type { BotCommand } from 'telegraf/types';
import { badRequest } from './botApiError.js';
import { isRecord } from './methodParams.js';

/** The key of one command list: Telegram keeps a list per scope and language. */
function commandsKey(scope: unknown, languageCode: unknown): string {
  // Sorted so that `{ type, chat_id }` and `{ chat_id, type }` name the same scope.
  const normalized = isRecord(scope) ? Object.fromEntries(Object.entries(scope).sort(([a], [b]) => a.localeCompare(b))) : { type: 'default' };
  return `${JSON.stringify(normalized)}|${typeof languageCode === 'string' ? languageCode : ''}`;
}

/** The bot's command lists (setMyCommands), per scope and language; a missing scope is the default one. */
export class BotCommands {
  private readonly lists = new Map<string, BotCommand[]>();

  /** Replace one list, checking each command as Telegram does. */
  set(commands: unknown, scope: unknown, languageCode: unknown): void {
    if (!Array.isArray(commands)) throw badRequest('parameter "commands" must be an array');
    for (const command of commands) {
      if (!isRecord(command) || typeof command.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(command.command)) {
        throw badRequest('BOT_COMMAND_INVALID');
      }
      if (typeof command.description !== 'string' || command.description.length < 1 || command.description.length > 256) {
        throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
      }
    }
    const list = commands.map((command: { command: string; description: string }) => ({ command: command.command, description: command.description }));
    this.lists.set(commandsKey(scope, languageCode), list);
  }

  /** A copy of one list; empty when none was set. */
  get(scope: unknown, languageCode: unknown): BotCommand[] {
    return structuredClone(this.lists.get(commandsKey(scope, languageCode)) ?? []);
  }

  delete(scope: unknown, languageCode: unknown): void {
    this.lists.delete(commandsKey(scope, languageCode));
  }
}
