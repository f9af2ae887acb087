import { createClient } from '@redis/client';
import type { LedgerEntry } from '../ledgerEntry.js';
import type { ClosableLedgerBackend } from './closableLedgerBackend.js';
import { parseStoredEntry } from './parseStoredEntry.js';
import { ledgerStoreError } from './ledgerStoreError.js';

/** Where and how a Redis ledger is kept. */
export interface RedisLedgerOptions {
  /**
   * Start of every key: a group's entries are the list `<prefix>ledger:<group>`, its head the hash
   * `<prefix>ledger-head:<group>`, the groups the set `<prefix>ledger-groups`.
   * @defaultValue REDIS_LEDGER_DEFAULTS.keyPrefix
   */
  keyPrefix?: string;
  /** How long to wait for the connection before failing, in ms. @defaultValue REDIS_LEDGER_DEFAULTS.connectTimeoutMs */
  connectTimeoutMs?: number;
  /** How long to wait for one command's answer before failing, in ms. @defaultValue REDIS_LEDGER_DEFAULTS.commandTimeoutMs */
  commandTimeoutMs?: number;
  /** Reconnection attempts after a dropped connection before the backend gives up. @defaultValue REDIS_LEDGER_DEFAULTS.reconnectAttempts */
  reconnectAttempts?: number;
}

export const REDIS_LEDGER_DEFAULTS = {
  keyPrefix: 'rumorguard:',
  connectTimeoutMs: 5000,
  commandTimeoutMs: 30_000,
  // A few quick retries ride out a server restart; beyond that the caller hears about it (and can
  // spool) instead of waiting on a client that reconnects forever.
  reconnectAttempts: 3,
} as const satisfies Required<RedisLedgerOptions>;

/**
 * Compare-and-set on the head, run atomically by the server: the entry is pushed only when it
 * follows the head (or is seq 1 on an empty list). An empty head with a non-empty list means the
 * head key was lost; refusing then keeps a second seq 1 from forking the chain.
 * KEYS: list, head, groups. ARGV: seq, prev, hash, entry JSON, group id. Returns 1 when written.
 */
const APPEND_SCRIPT = `
local head = redis.call('HMGET', KEYS[2], 'seq', 'hash')
local seq = tonumber(ARGV[1])
if head[1] then
  if tonumber(head[1]) + 1 ~= seq or head[2] ~= ARGV[2] then return 0 end
elseif seq ~= 1 or redis.call('LLEN', KEYS[1]) ~= 0 then
  return 0
end
redis.call('RPUSH', KEYS[1], ARGV[4])
redis.call('HSET', KEYS[2], 'seq', ARGV[1], 'hash', ARGV[3])
redis.call('SADD', KEYS[3], ARGV[5])
return 1
`;

/** The keys of a ledger under `prefix`; tests and tools that inspect raw storage use the same names. */
export function redisLedgerKeys(prefix: string) {
  return {
    entries: (groupId: string) => `${prefix}ledger:${groupId}`,
    head: (groupId: string) => `${prefix}ledger-head:${groupId}`,
    groups: `${prefix}ledger-groups`,
  };
}

/**
 * A ledger in Redis: one list per group in append order, a head hash next to it, and a Lua script
 * that checks the head and appends in one step, so two processes cannot both write seq n.
 * Durability is the server's: acknowledged appends survive a crash only with `appendfsync always`.
 */
export async function redisLedgerBackend(url: string, options: RedisLedgerOptions = {}): Promise<ClosableLedgerBackend> {
  const keys = redisLedgerKeys(options.keyPrefix ?? REDIS_LEDGER_DEFAULTS.keyPrefix);
  const reconnectAttempts = options.reconnectAttempts ?? REDIS_LEDGER_DEFAULTS.reconnectAttempts;
  const connectTimeoutMs = options.connectTimeoutMs ?? REDIS_LEDGER_DEFAULTS.connectTimeoutMs;
  const commandTimeoutMs = options.commandTimeoutMs ?? REDIS_LEDGER_DEFAULTS.commandTimeoutMs;
  let connected = false;
  const client = createClient({
    url,
    socket: {
      connectTimeout: connectTimeoutMs,
      // Opening fails at the first error (a wrong URL stays wrong); a connection that was up gets
      // a few retries with backoff, then pending and later commands fail.
      reconnectStrategy: (retries, cause) =>
        connected && retries < reconnectAttempts
          ? 100 * 2 ** retries
          : new Error(`${cause.message || cause.name}${connected ? ` (gave up after ${retries} reconnection attempts)` : ''}`, { cause }),
    },
    // Commands fail at once while disconnected, rather than queueing until a reconnect that may never come.
    disableOfflineQueue: true,
  });
  // Errors also reach the pending commands and `connect()`; the listener keeps an 'error' event
  // with nobody listening from ending the process.
  client.on('error', () => undefined);

  // node-redis times out commands only while they wait to be sent, and `connectTimeout` covers
  // the TCP connection only: a server that accepts and then stays silent would hold the handshake
  // or a sent command forever. Past the deadline the connection is closed (its replies can no
  // longer be matched to commands), so later calls fail at once too.
  const answered = <T>(ms: number, pending: Promise<T>): Promise<T> => {
    pending.catch(() => undefined); // when the deadline wins, the abandoned command's rejection is expected
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        if (client.isOpen) client.destroy();
        reject(new Error(`no answer within ${ms} ms; connection closed`));
      }, ms);
    });
    return Promise.race([pending, deadline]).finally(() => clearTimeout(timer));
  };

  try {
    await answered(connectTimeoutMs, client.connect());
    connected = true;
  } catch (err) {
    // A reconnect strategy that gave up has closed the client already.
    if (client.isOpen) client.destroy();
    throw ledgerStoreError('unreachable', url, 'cannot connect', err);
  }

  const command = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await answered(commandTimeoutMs, run());
    } catch (err) {
      throw ledgerStoreError('unavailable', url, what, err);
    }
  };

  return {
    async head(groupId) {
      const [seq, hash] = await command(`read the head of group ${groupId}`, () => client.hmGet(keys.head(groupId), ['seq', 'hash']));
      return seq != null && hash != null ? { seq: Number(seq), hash: String(hash) } : undefined;
    },

    async tryAppend(groupId, entry) {
      const written = await command(`append seq ${entry.seq} to group ${groupId}`, () =>
        client.eval(APPEND_SCRIPT, {
          keys: [keys.entries(groupId), keys.head(groupId), keys.groups],
          arguments: [String(entry.seq), entry.prev, entry.hash, JSON.stringify(entry), groupId],
        }),
      );
      return written === 1;
    },

    async read(groupId) {
      const items = await command(`read group ${groupId}`, () => client.lRange(keys.entries(groupId), 0, -1));
      return items.map((text, i): LedgerEntry => parseStoredEntry(groupId, `list index ${i}`, String(text)));
    },

    async groups() {
      const groups = await command('list groups', () => client.sMembers(keys.groups));
      return groups.map(String).sort();
    },

    async close() {
      if (client.isOpen) await client.close();
    },
  };
}
