import { createClient } from '@redis/client';
import type { LedgerEntry } from '../ledgerEntry.js';
import { entriesOf, isDamaged, type StoredChain } from '../storedEntry.js';
import type { ClosableLedgerBackend } from './closableLedgerBackend.js';
import { parseStoredEntry } from './parseStoredEntry.js';
import { ledgerStoreError } from './ledgerStoreError.js';

/** Where and how a Redis ledger is kept. */
export interface RedisLedgerOptions {
  /**
   * Start of every key: a group's entries are the list `<prefix>ledger:<group>`, its head the hash
   * `<prefix>ledger-head:<group>`, the groups the set `<prefix>ledger-groups`, and each message text
   * the string `<prefix>ledger-text:<group>:<sha256>`, which Redis expires when its time is over.
   * @defaultValue REDIS_LEDGER_DEFAULTS.keyPrefix
   */
  keyPrefix?: string;
  /** How long to wait for the connection before failing, in ms. @defaultValue REDIS_LEDGER_DEFAULTS.connectTimeoutMs */
  connectTimeoutMs?: number;
  /**
   * How long to wait for the answer to one command of the message path (the head, an append, the
   * last entries) before failing, in ms; the spool keeps the records meanwhile.
   * @defaultValue REDIS_LEDGER_DEFAULTS.commandTimeoutMs
   */
  commandTimeoutMs?: number;
  /**
   * The same for the bulk reads of exports, reports and `ledger verify` (a whole chain, its texts,
   * the groups), which may move millions of entries. @defaultValue REDIS_LEDGER_DEFAULTS.bulkTimeoutMs
   */
  bulkTimeoutMs?: number;
  /** Reconnection attempts after a dropped connection before the backend gives up. @defaultValue REDIS_LEDGER_DEFAULTS.reconnectAttempts */
  reconnectAttempts?: number;
}

export const REDIS_LEDGER_DEFAULTS = {
  keyPrefix: 'rumorguard:',
  connectTimeoutMs: 5000,
  // A server that keeps the connection but stops answering (a stopped process, a network black
  // hole) must not hold an append longer than the store's own calls wait (2 s).
  commandTimeoutMs: 2_000,
  bulkTimeoutMs: 120_000,
  // A few quick retries ride out a server restart; beyond that the caller hears about it (and can
  // spool) instead of waiting on a client that reconnects forever.
  reconnectAttempts: 3,
} as const satisfies Required<RedisLedgerOptions>;

/**
 * Compare-and-set on the head, run atomically by the server: the entries are pushed only when the
 * first follows the head (or is seq 1 on an empty list). An empty head with a non-empty list means
 * the head key was lost; refusing then keeps a second seq 1 from forking the chain. Message texts
 * are stored in the same step, each expiring at its time (ms since 1970).
 * KEYS: list, head, groups, then one key per text. ARGV: first seq, its prev, last seq, last hash,
 * group id, the number of entries n, the n entry JSONs, then for each text its text and its time.
 * Returns 1 when written.
 */
const APPEND_SCRIPT = `
local head = redis.call('HMGET', KEYS[2], 'seq', 'hash')
local seq = tonumber(ARGV[1])
if head[1] then
  if tonumber(head[1]) + 1 ~= seq or head[2] ~= ARGV[2] then return 0 end
elseif seq ~= 1 or redis.call('LLEN', KEYS[1]) ~= 0 then
  return 0
end
local n = tonumber(ARGV[6])
for i = 1, n, 1000 do
  redis.call('RPUSH', KEYS[1], unpack(ARGV, 6 + i, 6 + math.min(i + 999, n)))
end
redis.call('HSET', KEYS[2], 'seq', ARGV[3], 'hash', ARGV[4])
redis.call('SADD', KEYS[3], ARGV[5])
for k = 4, #KEYS do
  local at = 6 + n + 2 * (k - 4)
  redis.call('SET', KEYS[k], ARGV[at + 1])
  redis.call('PEXPIREAT', KEYS[k], ARGV[at + 2])
end
return 1
`;

/** The keys of a ledger under `prefix`; tests and tools that inspect raw storage use the same names. */
export function redisLedgerKeys(prefix: string) {
  return {
    entries: (groupId: string) => `${prefix}ledger:${groupId}`,
    head: (groupId: string) => `${prefix}ledger-head:${groupId}`,
    groups: `${prefix}ledger-groups`,
    text: (groupId: string, hash: string) => `${prefix}ledger-text:${groupId}:${hash}`,
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
  const bulkTimeoutMs = options.bulkTimeoutMs ?? REDIS_LEDGER_DEFAULTS.bulkTimeoutMs;
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

  const command = async <T>(what: string, run: () => Promise<T>, timeoutMs = commandTimeoutMs): Promise<T> => {
    try {
      return await answered(timeoutMs, run());
    } catch (err) {
      throw ledgerStoreError('unavailable', url, what, err);
    }
  };

  /** The list and the head key in one MULTI, so an append in between cannot look like a mismatch. */
  async function readChain(groupId: string): Promise<StoredChain> {
    const [items, head] = (await command(`read group ${groupId}`, () =>
      client.multi().lRange(keys.entries(groupId), 0, -1).hmGet(keys.head(groupId), ['seq', 'hash']).exec(), bulkTimeoutMs,
    )) as unknown as [unknown[], (string | null)[]];
    const [seq, hash] = head;
    return {
      items: items.map((text, i) => parseStoredEntry(String(text), i + 1)),
      ...(seq != null && hash != null ? { head: { seq: Number(seq), hash: String(hash) } } : {}),
    };
  }

  return {
    async head(groupId) {
      const [seq, hash] = await command(`read the head of group ${groupId}`, () => client.hmGet(keys.head(groupId), ['seq', 'hash']));
      return seq != null && hash != null ? { seq: Number(seq), hash: String(hash) } : undefined;
    },

    async tryAppend(groupId, entries, texts = []) {
      const first = entries[0];
      const last = entries.at(-1);
      if (!first || !last) return false;
      const written = await command(`append seq ${first.seq}…${last.seq} to group ${groupId}`, () =>
        client.eval(APPEND_SCRIPT, {
          keys: [keys.entries(groupId), keys.head(groupId), keys.groups, ...texts.map((t) => keys.text(groupId, t.hash))],
          arguments: [
            String(first.seq),
            first.prev,
            String(last.seq),
            last.hash,
            groupId,
            String(entries.length),
            ...entries.map((e) => JSON.stringify(e)),
            ...texts.flatMap((t) => [t.text, String(t.keepUntil.getTime())]),
          ],
        }),
      );
      return written === 1;
    },

    async tail(groupId, count) {
      const items = await command(`read the last entries of group ${groupId}`, () => client.lRange(keys.entries(groupId), -count, -1));
      const length = items.length;
      return items.map((text, i) => parseStoredEntry(String(text), -length + i)).filter((e): e is LedgerEntry => !isDamaged(e));
    },

    readChain,
    read: async (groupId) => entriesOf(groupId, await readChain(groupId)),

    /** The list's length and the head key in one MULTI, as readChain reads them. */
    async chainEnd(groupId) {
      const [length, head] = (await command(`read the head of group ${groupId}`, () =>
        client.multi().lLen(keys.entries(groupId)).hmGet(keys.head(groupId), ['seq', 'hash']).exec(),
      )) as unknown as [number, (string | null)[]];
      const [seq, hash] = head;
      return { end: Number(length), ...(seq != null && hash != null ? { head: { seq: Number(seq), hash: String(hash) } } : {}) };
    },

    async readPage(groupId, after, end, limit) {
      const stop = Math.min(end, after + limit);
      if (stop <= after) return { items: [], last: end };
      // List positions are 1-based places here, LRANGE's indexes 0-based and inclusive.
      const texts = await command(`read group ${groupId}`, () => client.lRange(keys.entries(groupId), after, stop - 1), bulkTimeoutMs);
      return { items: texts.map((text, i) => parseStoredEntry(String(text), after + i + 1)), last: stop };
    },

    async texts(groupId, hashes) {
      const found = new Map<string, string>();
      if (hashes.length === 0) return found;
      // In slices, so one export of a large group does not hold the server in one huge command.
      for (let i = 0; i < hashes.length; i += 1000) {
        const slice = hashes.slice(i, i + 1000);
        const texts = await command(`read message texts of group ${groupId}`, () => client.mGet(slice.map((h) => keys.text(groupId, h))), bulkTimeoutMs);
        texts.forEach((text, j) => {
          if (text != null) found.set(slice[j]!, String(text));
        });
      }
      return found;
    },

    // Redis expires each text itself, at its time.
    purgeTexts: async () => 0,

    async groups() {
      const groups = await command('list groups', () => client.sMembers(keys.groups), bulkTimeoutMs);
      return groups.map(String).sort();
    },

    async close() {
      if (client.isOpen) await client.close();
    },
  };
}
