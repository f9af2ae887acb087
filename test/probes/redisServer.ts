import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** Whether a redis-server binary is on the PATH (tests that start their own skip without one). */
export const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0;

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const started = new Set<ChildProcess>();

/** Kills every server {@link startRedisServer} started that is still there (an afterAll's safety net). */
export function killRedisServers(): void {
  for (const server of started) {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  }
  started.clear();
}

/** A throwaway Redis of the test's own on a free port, which the test may stop (SIGSTOP) and resume. */
export async function startRedisServer(): Promise<{ url: string; server: ChildProcess; pause(): void; resume(): void; stop(): Promise<void> }> {
  const port = await freePort();
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  started.add(server);
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) resolve();
    });
    server.on('exit', () => reject(new Error('redis-server exited')));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    server,
    pause: () => server.kill('SIGSTOP'),
    resume: () => server.kill('SIGCONT'),
    stop: () =>
      new Promise<void>((resolve) => {
        if (server.exitCode !== null || server.signalCode !== null) return resolve();
        server.once('exit', () => resolve());
        server.kill('SIGCONT');
        server.kill('SIGKILL');
      }),
  };
}
