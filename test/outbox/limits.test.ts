import { describe, expect, it } from 'vitest';
import { DEFAULT_OUTBOX_OPTIONS } from '../../src/outbox/options.js';
import { Outbox } from '../../src/outbox/outbox.js';
import { PLATFORM_LIMITS } from '../../src/outbox/platformLimits.js';
import { outboxHarness, maxInAnyWindow, maxPerChatPerMinute } from './harness.js';

describe('Outbox rate limits', () => {
  it('GIVEN no options THEN the defaults are Telegram-sized', () => {
    expect(DEFAULT_OUTBOX_OPTIONS).toMatchObject({ perChatPerMinute: 20, globalPerSecond: 30, maxQueued: 1000 });
  });

  it.each([
    { field: 'perChatPerMinute', value: 0 },
    { field: 'globalPerSecond', value: 1.5 },
    { field: 'maxQueued', value: -1 },
  ])('GIVEN $field = $value THEN construction fails naming the field', ({ field, value }) => {
    expect(() => new Outbox({ send: async () => undefined, [field]: value })).toThrow(field);
  });

  it('GIVEN the Discord limits (no windows of ours) THEN 100 messages to one chat all go at once, one send at a time, in order', async () => {
    expect(PLATFORM_LIMITS).toEqual({ telegram: { perChatPerMinute: 20, globalPerSecond: 30 }, discord: { perChatPerMinute: null, globalPerSecond: null } });
    const { clock, delivered, outbox } = outboxHarness<number>({ ...PLATFORM_LIMITS.discord });
    for (let i = 0; i < 100; i++) outbox.enqueue({ chatId: 'channel', priority: 'normal', payload: i });
    await clock.advance(0);
    expect(delivered().map((send) => send.payload)).toEqual([...Array(100).keys()]);
    expect(new Set(delivered().map((send) => send.at))).toEqual(new Set([0]));
    expect(outbox.stats()).toMatchObject({ queued: 0, sent: 100 });
  });

  it('GIVEN 25 messages to one chat THEN 20 go in the first minute and the rest when the window slides', async () => {
    const { clock, delivered, outbox } = outboxHarness<number>();
    for (let i = 0; i < 25; i++) expect(outbox.enqueue({ chatId: 1, priority: 'normal', payload: i })).toEqual({ outcome: 'queued' });

    await clock.advance(0);
    expect(delivered()).toHaveLength(20);
    await clock.advance(59_999);
    expect(delivered()).toHaveLength(20);
    await clock.advance(1);
    expect(delivered()).toHaveLength(25);

    expect(delivered().map((send) => send.payload)).toEqual([...Array(25).keys()]);
    expect(maxInAnyWindow(delivered().map((send) => send.at), 60_000)).toBe(20);
    expect(outbox.stats()).toEqual({ queued: 0, sent: 25, merged: 0, dropped: 0, retried: 0 });
  });

  it('GIVEN 100 messages across 10 chats, each chat flooded in turn THEN at most 30 go in any second and every chat progresses', async () => {
    const { clock, delivered, outbox } = outboxHarness<number>();
    for (let chat = 0; chat < 10; chat++) {
      for (let i = 0; i < 10; i++) outbox.enqueue({ chatId: `chat-${chat}`, priority: 'normal', payload: i });
    }
    await clock.runAll();

    const sends = delivered();
    expect(sends).toHaveLength(100);
    expect(maxInAnyWindow(sends.map((send) => send.at), 1_000)).toBeLessThanOrEqual(30);
    expect(maxPerChatPerMinute(sends)).toBeLessThanOrEqual(20);
    // Round-robin: the first second serves every chat three times, not the first chat ten times.
    const firstSecond = sends.filter((send) => send.at < 1_000);
    expect(firstSecond).toHaveLength(30);
    for (let chat = 0; chat < 10; chat++) expect(firstSecond.filter((send) => send.chatId === `chat-${chat}`)).toHaveLength(3);
    expect(new Set(sends.slice(0, 10).map((send) => send.chatId)).size).toBe(10);
  });
});
