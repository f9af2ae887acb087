/**
 * The JSON body of a Discord API error. `code` is Discord's JSON error code (e.g. 50013),
 * which @discordjs/rest copies into `DiscordAPIError#code`; `errors` carries per-field
 * details for 50035 Invalid Form Body.
 */
export interface DiscordErrorBody {
  message: string;
  code: number;
  errors?: Record<string, unknown>;
  [field: string]: unknown;
}

/**
 * A refusal thrown inside a route handler; the REST server answers it with `status` and
 * `body`, exactly as Discord would.
 */
export class DiscordApiError extends Error {
  /** The HTTP status, e.g. 403. */
  readonly status: number;
  /** The JSON body Discord would send. */
  readonly body: DiscordErrorBody;

  constructor(status: number, body: DiscordErrorBody) {
    super(`${status} ${body.code}: ${body.message}`);
    this.name = 'DiscordApiError';
    this.status = status;
    this.body = body;
  }
}

/** 401 for a missing or wrong token (Discord's body has code 0). */
export const unauthorized = (): DiscordApiError => new DiscordApiError(401, { message: '401: Unauthorized', code: 0 });

/** 404 for a route Discord does not have. */
export const routeNotFound = (): DiscordApiError => new DiscordApiError(404, { message: '404: Not Found', code: 0 });

/** 403 50013: the bot lacks a permission, or the target outranks it. */
export const missingPermissions = (): DiscordApiError => new DiscordApiError(403, { message: 'Missing Permissions', code: 50013 });

/** 403 50001: the bot cannot see the channel at all. */
export const missingAccess = (): DiscordApiError => new DiscordApiError(403, { message: 'Missing Access', code: 50001 });

/** 403 50003: something only possible in guilds was tried in a DM. */
export const notInDm = (): DiscordApiError => new DiscordApiError(403, { message: 'Cannot execute action on a DM channel', code: 50003 });

/** 404 with one of Discord's "Unknown X" codes, e.g. `unknown('Channel', 10003)`. */
export const unknown = (what: string, code: number): DiscordApiError => new DiscordApiError(404, { message: `Unknown ${what}`, code });

/** 400 50006: no content, embed, file, component, sticker or poll. */
export const emptyMessage = (): DiscordApiError => new DiscordApiError(400, { message: 'Cannot send an empty message', code: 50006 });

/** 400 40060: a second callback for the same interaction. */
export const alreadyAcknowledged = (): DiscordApiError =>
  new DiscordApiError(400, { message: 'Interaction has already been acknowledged.', code: 40060 });

/**
 * 400 50035 with Discord's nested `errors` shape for one field, e.g.
 * `invalidFormBody('content', 'BASE_TYPE_MAX_LENGTH', 'Must be 2000 or fewer in length.')`.
 */
export function invalidFormBody(field: string, code: string, message: string): DiscordApiError {
  const errors: Record<string, unknown> = {};
  let node = errors;
  const parts = field.split('.');
  parts.forEach((part, index) => {
    const child: Record<string, unknown> = index === parts.length - 1 ? { _errors: [{ code, message }] } : {};
    node[part] = child;
    node = child;
  });
  return new DiscordApiError(400, { message: 'Invalid Form Body', code: 50035, errors });
}
