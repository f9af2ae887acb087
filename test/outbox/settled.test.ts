import { describe, expect, it } from 'vitest';
import { Outbox } from '../../src/outbox/outbox.js';
import { FakeClock } from './fakeClock.js';

describe('Outbox.settled', () => {
  it('GIVEN sends under way THEN settled resolves only after they (and any sends they free) finish, while rate-limited items keep waiting', async () => {
    const clock = new FakeClock();
    const release: (() => void)[] = [];
    const done: string[] = [];
    const outbox = new Outbox<string>({
      clock,
      perChatPerMinute: 2,
      send: (item) =>
        new Promise<void>((resolve) =>
          release.push(() => {
            done.push(item.payload);
            resolve();
          }),
        ),
    });
    for (const p of ['a', 'b', 'c']) outbox.enqueue({ chatId: 1, priority: 'normal', payload: p });
    let settled = false;
    const waiting = outbox.settled().then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    release.shift()!(); // 'a' done; 'b' starts at once
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    release.shift()!(); // 'b' done; 'c' waits for the next minute
    await waiting;
    expect(done).toEqual(['a', 'b']);
    expect(outbox.stats().queued).toBe(1);
    await expect(outbox.settled()).resolves.toBeUndefined();
  });
});
