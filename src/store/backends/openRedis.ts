import KeyvRedis, { createClient } from '@keyv/redis';
import Keyv from 'keyv';
import { withDeadline } from '../withDeadline.js';
import type { BackendOptions, OpenedKeyv } from './openedKeyv.js';
import { redisCells } from './redisCells.js';

/** Reconnection backoff after an established connection drops: 100 ms doubling, at most 2 s. */
const reconnectDelay = (retries: number) => Math.min(100 * 2 ** retries, 2_000);

/**
 * A keyv store on Redis that never waits on a dead server:
 * - the first connection gets one attempt bounded by `timeoutMs` (node-redis would otherwise
 *   retry forever and `connect()` would never settle);
 * - once connected, a dropped connection is retried in the background, and commands issued
 *   meanwhile fail at once instead of queueing (`disableOfflineQueue`), so a caller learns
 *   that a write did not happen;
 * - keyv and the adapter throw instead of swallowing errors into an 'error' event.
 */
export async function openRedis(url: string, options: BackendOptions): Promise<OpenedKeyv> {
  let connected = false;
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: options.timeoutMs,
      reconnectStrategy: (retries, cause) => (connected ? reconnectDelay(retries) : cause),
    },
  });
  // node-redis emits 'error' on every failed attempt; an EventEmitter with no listener would
  // crash the process. The failures reach callers through the rejected commands.
  client.on('error', () => undefined);
  client.on('ready', () => {
    connected = true;
  });
  const close = async () => {
    // close() waits for the server to answer QUIT; with the server gone, drop the socket.
    if (client.isReady) await withDeadline(client.close(), options.timeoutMs, 'closing').catch(() => client.destroy());
    else if (client.isOpen) client.destroy();
  };
  try {
    await withDeadline(client.connect(), options.timeoutMs, 'connecting');
  } catch (error) {
    if (client.isOpen) client.destroy();
    throw error;
  }
  const adapter = new KeyvRedis(client, {
    namespace: options.namespace,
    throwOnConnectError: true,
    throwOnErrors: true,
    connectionTimeout: options.timeoutMs,
  });
  // The adapter prefixes keys with its namespace ("ns::key"); keyv must not add its own.
  const keyv = new Keyv(adapter, { namespace: options.namespace, useKeyPrefix: false, throwOnErrors: true });
  const cells = redisCells(client, (key) => adapter.createKeyPrefix(key, adapter.namespace));
  return { keyv, cells, close };
}
