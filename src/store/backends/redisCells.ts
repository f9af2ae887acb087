import type { RawCells } from './rawCells.js';

/** The two commands the cells need, as node-redis 5 offers them. */
export interface RedisCommands {
  get(key: string): Promise<string | null>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/**
 * Compare-and-swap in one server-side step. A Lua script runs atomically in Redis, and unlike
 * WATCH/MULTI it needs no connection of its own (node-redis 5 shares one connection among all
 * commands, so a WATCH would watch for everyone).
 * KEYS[1] the key; ARGV: expected, expected present (1/0), next, next present (1/0), ttl ms (0: none).
 */
const SWAP_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if ARGV[2] == '1' then
  if current ~= ARGV[1] then return 0 end
elseif current then
  return 0
end
if ARGV[4] == '0' then
  redis.call('DEL', KEYS[1])
elseif ARGV[5] ~= '0' then
  redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[5])
else
  redis.call('SET', KEYS[1], ARGV[3])
end
return 1
`;

/**
 * Cells on the keys @keyv/redis writes: `prefix(key)` is the adapter's own key naming
 * ("namespace::key"), and a TTL becomes PX as the adapter sets it.
 */
export function redisCells(client: RedisCommands, prefix: (key: string) => string): RawCells {
  return {
    async read(key) {
      const value = await client.get(prefix(key));
      return value ?? undefined;
    },
    async swap(key, expected, next, ttlMs) {
      // Redis takes whole milliseconds only.
      const ttl = ttlMs ? String(Math.max(1, Math.ceil(ttlMs))) : '0';
      const args = [expected ?? '', expected === undefined ? '0' : '1', next ?? '', next === undefined ? '0' : '1', ttl];
      return (await client.eval(SWAP_SCRIPT, { keys: [prefix(key)], arguments: args })) === 1;
    },
  };
}
