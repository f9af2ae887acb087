import { createServer } from 'node:net';

/**
 * A TCP port on `host` that was free a moment ago: listen on port 0, read the port the OS
 * chose, close. Needed where a server insists on being told its port up front (telegraf's
 * `launch({ webhook: { port } })`, and telegram-test-api, whose config turns port 0 into 9000).
 * Another process could take the port in between; on a test machine that is rare enough.
 */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  return await new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not read the port of a TCP listener'));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}
