import { invalidFormBody } from './discordError.js';
import type { Snowflakes } from './snowflakes.js';

/*
 * Application commands the bot registered, global and per guild, as Discord stores them:
 * the body as sent plus `id`, `application_id`, `version` and defaults. A bulk overwrite (PUT)
 * replaces the whole list but keeps the id of a command with the same name and type, as
 * Discord does.
 */

/** A registered command as Discord returns it. */
export type StoredCommand = Record<string, unknown> & { id: string; name: string; type: number };

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Global and guild commands of one application. */
export class CommandStore {
  private readonly global: StoredCommand[] = [];
  private readonly guilds = new Map<string, StoredCommand[]>();

  constructor(
    private readonly ids: Snowflakes,
    private readonly applicationId: string,
  ) {}

  /** The commands of a guild, or the global ones for `guildId` undefined. */
  list(guildId?: string): StoredCommand[] {
    return structuredClone(guildId === undefined ? this.global : (this.guilds.get(guildId) ?? []));
  }

  /**
   * Replace the list (PUT). Names are validated as Discord does for chat-input commands.
   *
   * @throws DiscordApiError 400 50035 for a body that is not an array or an invalid name.
   */
  overwrite(bodies: unknown, guildId?: string): StoredCommand[] {
    if (!Array.isArray(bodies)) throw invalidFormBody('_root', 'BASE_TYPE_ARRAY', 'Must be an array.');
    const previous = this.listRef(guildId);
    const next = bodies.map((body, index) => this.build(body, guildId, previous, String(index)));
    this.setList(guildId, next);
    return structuredClone(next);
  }

  /** Create or replace one command by name and type (POST). */
  upsert(body: unknown, guildId?: string): StoredCommand {
    const list = this.listRef(guildId);
    const command = this.build(body, guildId, list, '_root');
    const index = list.findIndex((existing) => existing.id === command.id);
    if (index >= 0) list[index] = command;
    else list.push(command);
    this.setList(guildId, list);
    return structuredClone(command);
  }

  /** Delete one command; false if there is none with that id. */
  remove(commandId: string, guildId?: string): boolean {
    const list = this.listRef(guildId);
    const index = list.findIndex((command) => command.id === commandId);
    if (index < 0) return false;
    list.splice(index, 1);
    return true;
  }

  /** The id of the command a member would invoke by `name` in `guildId`: the guild's own first, then global. */
  idFor(name: string, type: number, guildId: string): string | undefined {
    const found = [...(this.guilds.get(guildId) ?? []), ...this.global].find((command) => command.name === name && command.type === type);
    return found?.id;
  }

  private build(body: unknown, guildId: string | undefined, existing: StoredCommand[], field: string): StoredCommand {
    const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const type = typeof input.type === 'number' ? input.type : 1;
    const name = typeof input.name === 'string' ? input.name : '';
    if (type === 1 ? !NAME.test(name) || name !== name.toLowerCase() : name.length < 1 || name.length > 32) {
      throw invalidFormBody(`${field}.name`, 'APPLICATION_COMMAND_INVALID_NAME', `Command name is invalid: ${JSON.stringify(name)}`);
    }
    const id = existing.find((command) => command.name === name && command.type === type)?.id ?? this.ids.next();
    return {
      default_member_permissions: null,
      name_localizations: null,
      description_localizations: null,
      nsfw: false,
      integration_types: [0],
      contexts: null,
      ...input,
      description: typeof input.description === 'string' ? input.description : '',
      type,
      name,
      id,
      application_id: this.applicationId,
      version: this.ids.next(),
      ...(guildId === undefined ? {} : { guild_id: guildId }),
    };
  }

  private listRef(guildId: string | undefined): StoredCommand[] {
    return guildId === undefined ? this.global : (this.guilds.get(guildId) ?? []);
  }

  private setList(guildId: string | undefined, list: StoredCommand[]): void {
    if (guildId === undefined) this.global.splice(0, this.global.length, ...list);
    else this.guilds.set(guildId, list);
  }
}
