import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type { IdentifyRecord } from './types.js';

/*
 * The gateway side of the fake, speaking what @discordjs/ws 1.x expects over plain JSON text
 * frames (discord.js only asks for zlib-stream when zlib-sync is installed, and it is not):
 * HELLO on connect, READY after IDENTIFY, heartbeat ACKs, and dispatches with a sequence
 * number per session. RESUME is answered with INVALID_SESSION (d: false), which makes
 * discord.js identify afresh.
 *
 * Waiting for the client without sleeping: after a frame the gateway can `settle()` a session:
 * it sends a WebSocket ping and waits for the pong. The `ws` client answers a ping from inside
 * the same socket read that delivered the frames before it, and the fake can only see the pong
 * in a later turn of the event loop, after the client drained the promise jobs that read
 * started; discord.js's dispatch handling (and the synchronous part of every listener) runs in
 * exactly those jobs. So once settled, the client has emitted the events for those frames.
 * That reasoning needs the client in the same process (one event loop), the usual test set-up;
 * for a client in a child process a settled session only proves the frames were read.
 */

/** Gateway opcodes the fake speaks. */
const Op = { Dispatch: 0, Heartbeat: 1, Identify: 2, Resume: 6, InvalidSession: 9, Hello: 10, HeartbeatAck: 11, RequestGuildMembers: 8 } as const;

/** Discord's interval; the client beats on its own schedule, so the value hardly matters in tests. */
const HEARTBEAT_INTERVAL_MS = 41_250;

/** How long `settle` waits for a pong before calling the client stuck. */
const SETTLE_TIMEOUT_MS = 5_000;

/** One client connection. */
export interface GatewaySession {
  /** The `session_id` READY announced, once identified. */
  sessionId: string | undefined;
  /** `[shard_id, num_shards]` from IDENTIFY. */
  shard: [number, number];
  intents: number;
  /** The last sequence number sent. */
  seq: number;
  socket: WebSocket;
}

/** What the gateway asks the rest of the fake. */
export interface GatewayHooks {
  /** The token IDENTIFY must carry. */
  token: string;
  /** The READY payload (without session fields) and the GUILD_CREATE payloads for a fresh session. */
  onIdentify(session: GatewaySession): { ready: Record<string, unknown>; guildCreates: Record<string, unknown>[] };
  /** GUILD_MEMBERS_CHUNK payloads answering Request Guild Members (op 8). */
  onRequestGuildMembers(session: GatewaySession, request: Record<string, unknown>): Record<string, unknown>[];
}

interface PendingPong {
  session: GatewaySession;
  resolve: () => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** The fake gateway's WebSocket server on 127.0.0.1. */
export class FakeGateway {
  /** What READY's `resume_gateway_url` and GET /gateway/bot announce, e.g. `ws://127.0.0.1:40124`. */
  readonly url: string;
  /** Every IDENTIFY the gateway accepted, in order. */
  readonly identifies: IdentifyRecord[] = [];

  private readonly open = new Set<GatewaySession>();
  private readonly pongs = new Map<string, PendingPong>();
  private nextPing = 0;

  private constructor(
    private readonly server: WebSocketServer,
    private readonly hooks: GatewayHooks,
  ) {
    const { port } = server.address() as AddressInfo;
    this.url = `ws://127.0.0.1:${port}`;
    server.on('connection', (socket) => this.accept(socket));
  }

  /** Listen on a free port of 127.0.0.1. */
  static async start(hooks: GatewayHooks): Promise<FakeGateway> {
    // No permessage-deflate: compressed frames are sent asynchronously, which would let a
    // READY and its GUILD_CREATEs reach the client in separate reads.
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.once('listening', () => resolve());
    });
    return new FakeGateway(server, hooks);
  }

  /** Open connections, identified or not. */
  get connections(): number {
    return this.open.size;
  }

  /** Identified sessions, in connection order. */
  sessions(): GatewaySession[] {
    return [...this.open].filter((session) => session.sessionId !== undefined);
  }

  /** Send dispatch `t` with data `d` to `session`, numbering it. */
  dispatch(session: GatewaySession, t: string, d: unknown): void {
    if (session.socket.readyState !== WebSocket.OPEN) return;
    session.seq += 1;
    session.socket.send(JSON.stringify({ op: Op.Dispatch, t, s: session.seq, d }));
  }

  /**
   * Resolve once the client has handled every frame sent to `session` so far (see the note at
   * the top of this file).
   *
   * @throws Error if the connection closes first or the client does not answer in 5 s.
   */
  async settle(session: GatewaySession): Promise<void> {
    if (session.socket.readyState !== WebSocket.OPEN) throw new Error('gateway session is closed');
    const nonce = `settle-${++this.nextPing}`;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pongs.delete(nonce);
        reject(new Error(`the gateway client did not answer a ping within ${SETTLE_TIMEOUT_MS} ms`));
      }, SETTLE_TIMEOUT_MS);
      this.pongs.set(nonce, { session, resolve, reject, timer });
      session.socket.ping(Buffer.from(nonce));
    });
  }

  /**
   * Close every connection with 1000 and stop listening. discord.js reconnects after a 1000
   * from the server, so destroy clients first.
   */
  async stop(): Promise<void> {
    await Promise.all(
      [...this.open].map(
        (session) =>
          new Promise<void>((resolve) => {
            // A client that never answers the close handshake is cut off after a second.
            const timer = setTimeout(() => session.socket.terminate(), 1_000);
            session.socket.once('close', () => {
              clearTimeout(timer);
              resolve();
            });
            session.socket.close(1000, 'fake Discord stopped');
          }),
      ),
    );
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    const session: GatewaySession = { sessionId: undefined, shard: [0, 1], intents: 0, seq: 0, socket };
    this.open.add(session);
    socket.on('message', (data, isBinary) => this.receive(session, data, isBinary));
    socket.on('pong', (data) => {
      const pending = this.pongs.get(data.toString());
      if (!pending) return;
      this.pongs.delete(data.toString());
      clearTimeout(pending.timer);
      pending.resolve();
    });
    socket.on('close', () => {
      this.open.delete(session);
      for (const [nonce, pending] of this.pongs) {
        if (pending.session !== session) continue;
        clearTimeout(pending.timer);
        this.pongs.delete(nonce);
        pending.reject(new Error('the gateway connection closed before the client caught up'));
      }
    });
    socket.send(JSON.stringify({ op: Op.Hello, d: { heartbeat_interval: HEARTBEAT_INTERVAL_MS }, s: null, t: null }));
  }

  private receive(session: GatewaySession, data: RawData, isBinary: boolean): void {
    let payload: { op?: unknown; d?: unknown };
    try {
      payload = JSON.parse(isBinary ? '' : data.toString()) as { op?: unknown; d?: unknown };
    } catch {
      session.socket.close(4002, 'Error while decoding payload.');
      return;
    }
    const d = (typeof payload.d === 'object' && payload.d !== null ? payload.d : {}) as Record<string, unknown>;
    switch (payload.op) {
      case Op.Heartbeat:
        session.socket.send(JSON.stringify({ op: Op.HeartbeatAck, d: null }));
        return;
      case Op.Identify:
        this.identify(session, d);
        return;
      case Op.Resume:
        // Sessions are not kept across connections; this tells discord.js to identify anew.
        session.socket.send(JSON.stringify({ op: Op.InvalidSession, d: false }));
        return;
      case Op.RequestGuildMembers:
        if (session.sessionId === undefined) return;
        for (const chunk of this.hooks.onRequestGuildMembers(session, d)) this.dispatch(session, 'GUILD_MEMBERS_CHUNK', chunk);
        return;
      default:
        // Presence and voice state updates need no answer.
        return;
    }
  }

  private identify(session: GatewaySession, d: Record<string, unknown>): void {
    if (session.sessionId !== undefined) {
      session.socket.close(4005, 'Already authenticated.');
      return;
    }
    if (d.token !== this.hooks.token) {
      session.socket.close(4004, 'Authentication failed.');
      return;
    }
    const shard = Array.isArray(d.shard) ? (d.shard as unknown[]) : [0, 1];
    const [id, count] = [Number(shard[0] ?? 0), Number(shard[1] ?? 1)];
    if (!Number.isInteger(id) || !Number.isInteger(count) || count < 1 || id < 0 || id >= count) {
      session.socket.close(4010, 'Invalid shard.');
      return;
    }
    session.shard = [id, count];
    session.intents = Number(d.intents ?? 0);
    session.sessionId = randomUUID().replaceAll('-', '');
    this.identifies.push({ shard: [id, count], intents: session.intents, at: Date.now() });

    const { ready, guildCreates } = this.hooks.onIdentify(session);
    // READY and the GUILD_CREATEs go out in one go, so they reach the client in one socket
    // read: discord.js then caches the guilds in the same run of promise jobs that resolves
    // `client.login()`, and login resolves with the guilds already available.
    this.dispatch(session, 'READY', { v: 10, ...ready, session_id: session.sessionId, resume_gateway_url: this.url, shard: [id, count] });
    for (const guild of guildCreates) this.dispatch(session, 'GUILD_CREATE', guild);
  }
}
