import { GatewayIntentBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { FakeDiscord } from './fakeDiscord.js';
import { GENERAL, GUILD, OTHER_GUILD, startFake, THREAD } from './testWorld.js';

/*
 * The gateway protocol spoken by hand over a plain WebSocket, for the parts discord.js hides:
 * opcodes, sequence numbers, close codes and the exact READY / GUILD_CREATE payloads.
 */

/** A hand-driven gateway connection that queues what the server sends. */
class RawGateway {
  private readonly received: Record<string, unknown>[] = [];
  private wake: (() => void) | undefined;
  /** Resolves with the close code once the server (or client) closed the connection. */
  readonly closed: Promise<number>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.received.push(JSON.parse(data.toString()) as Record<string, unknown>);
      this.wake?.();
    });
    this.closed = new Promise((resolve) => socket.on('close', (code) => resolve(code)));
  }

  static async connect(url: string): Promise<RawGateway> {
    const socket = new WebSocket(`${url}?v=10&encoding=json`);
    const gateway = new RawGateway(socket);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    return gateway;
  }

  /** The next payload from the server. */
  async next(): Promise<Record<string, unknown>> {
    while (this.received.length === 0) await new Promise<void>((resolve) => (this.wake = resolve));
    return this.received.shift() ?? {};
  }

  send(payload: unknown): void {
    this.socket.send(JSON.stringify(payload));
  }
}

const IDENTIFY = (token: string, shard: [number, number]): unknown => ({
  op: 2,
  d: { token, intents: GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages, properties: { os: 'linux', browser: 'raw', device: 'raw' }, shard },
});

let fake: FakeDiscord | undefined;
const sockets: RawGateway[] = [];

afterEach(async () => {
  for (const gateway of sockets.splice(0)) gateway.socket.terminate();
  await fake?.stop();
  fake = undefined;
});

async function connect(): Promise<{ fake: FakeDiscord; gateway: RawGateway }> {
  fake ??= await startFake();
  const gateway = await RawGateway.connect(fake.gatewayUrl);
  sockets.push(gateway);
  return { fake, gateway };
}

describe('FakeDiscord gateway protocol', () => {
  it('GIVEN a connection THEN HELLO, heartbeat ACK, and RESUME answered with INVALID_SESSION false', async () => {
    const { gateway } = await connect();

    expect(await gateway.next()).toEqual({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null });
    gateway.send({ op: 1, d: null });
    expect(await gateway.next()).toEqual({ op: 11, d: null });
    gateway.send({ op: 6, d: { token: '-token-for-tests', session_id: 'gone', seq: 3 } });
    expect(await gateway.next()).toEqual({ op: 9, d: false });
  });

  it('GIVEN IDENTIFY for shard 0 of 2 THEN READY (s 1) lists only that shard’s guilds as unavailable, then full GUILD_CREATEs follow', async () => {
    const { fake, gateway } = await connect();
    await gateway.next();

    gateway.send(IDENTIFY('-token-for-tests', [0, 2]));
    const ready = await gateway.next();
    const guildCreate = await gateway.next();

    expect(ready).toMatchObject({
      op: 0,
      t: 'READY',
      s: 1,
      d: { v: 10, user: { id: fake.botUser.id, bot: true }, guilds: [{ id: GUILD, unavailable: true }], shard: [0, 2], application: { id: fake.botUser.id, flags: 0 }, resume_gateway_url: fake.gatewayUrl },
    });
    expect((ready.d as { session_id: string }).session_id).toMatch(/^[0-9a-f]{32}$/);
    expect(guildCreate).toMatchObject({ op: 0, t: 'GUILD_CREATE', s: 2, d: { id: GUILD, unavailable: false, large: false, member_count: 4 } });
    const d = guildCreate.d as Record<string, unknown[]>;
    for (const field of ['channels', 'threads', 'roles', 'members', 'emojis', 'stickers', 'presences', 'voice_states', 'stage_instances', 'guild_scheduled_events', 'features']) {
      expect(Array.isArray(d[field]), field).toBe(true);
    }
    expect(d.channels).toMatchObject([{ id: GENERAL, guild_id: GUILD, type: 0, permission_overwrites: [] }]);
    expect(d.threads).toMatchObject([{ id: THREAD, guild_id: GUILD, type: 11, parent_id: GENERAL, thread_metadata: { archived: false } }]);
    expect(d.roles).toContainEqual(expect.objectContaining({ id: GUILD, name: '@everyone', position: 0 }));
    expect(d.members).toContainEqual(expect.objectContaining({ user: expect.objectContaining({ id: fake.botUser.id, bot: true }) }));
    expect(fake.identifies).toMatchObject([{ shard: [0, 2], intents: GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages }]);
    expect(d).not.toHaveProperty('id', OTHER_GUILD);
  });

  it('GIVEN a wrong token, an impossible shard or a second IDENTIFY THEN the gateway closes with 4004, 4010 and 4005', async () => {
    const { gateway: wrongToken } = await connect();
    wrongToken.send(IDENTIFY('Bot-token-for-tests', [0, 1]));
    expect(await wrongToken.closed).toBe(4004);

    const { gateway: badShard } = await connect();
    badShard.send(IDENTIFY('-token-for-tests', [2, 2]));
    expect(await badShard.closed).toBe(4010);

    const { gateway: twice } = await connect();
    twice.send(IDENTIFY('-token-for-tests', [0, 1]));
    twice.send(IDENTIFY('-token-for-tests', [0, 1]));
    expect(await twice.closed).toBe(4005);
  });

  it('GIVEN stop THEN open connections are closed with 1000', async () => {
    const { fake, gateway } = await connect();
    expect(fake.connections).toBe(1);

    await fake.stop();

    expect(await gateway.closed).toBe(1000);
  });
});
