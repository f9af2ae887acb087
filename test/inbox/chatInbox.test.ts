import { describe, expect, it } from 'vitest';
import { ChatInbox } from '../../src/inbox/chatInbox.js';

/** A handler whose calls stay open until the test lets them go. */
function gatedHandler() {
  const started: string[] = [];
  const gates = new Map<string, () => void>();
  const handle = (item: string) =>
    new Promise<void>((resolve) => {
      started.push(item);
      gates.set(item, resolve);
    });
  const release = async (item: string) => {
    gates.get(item)!();
    await new Promise((r) => setImmediate(r));
  };
  return { started, handle, release };
}

describe('chat inbox', () => {
  it('GIVEN a chat whose first item is still being handled THEN its next waits AND another chat is handled at once', async () => {
    const h = gatedHandler();
    const inbox = new ChatInbox<string>({ handle: h.handle });
    inbox.push('A', 'a1');
    inbox.push('A', 'a2');
    inbox.push('B', 'b1');
    expect(h.started).toEqual(['a1', 'b1']);
    await h.release('a1');
    expect(h.started).toEqual(['a1', 'b1', 'a2']);
    await h.release('b1');
    await h.release('a2');
    await inbox.settled();
    expect(inbox.stats()).toEqual({ queued: 0, chats: 0, handled: 3, dropped: 0 });
  });

  it('GIVEN 3,000 items in one chat THEN they are handled in the order they came', async () => {
    const seen: number[] = [];
    const inbox = new ChatInbox<number>({ handle: async (n) => void seen.push(n) });
    for (let n = 0; n < 3000; n++) inbox.push('A', n);
    await inbox.settled();
    expect(seen).toEqual(Array.from({ length: 3000 }, (_, n) => n));
  });

  it('GIVEN a chat at its bound THEN the newest item is dropped and told, the chat keeps its queue, other chats are untouched', async () => {
    const h = gatedHandler();
    const dropped: [string, string, string][] = [];
    const inbox = new ChatInbox<string>({ handle: h.handle, maxPerKey: 2, onDrop: (item, key, reason) => dropped.push([key, item, reason]) });
    expect(inbox.push('A', 'a1')).toEqual({ outcome: 'queued', waiting: 1 });
    expect(inbox.push('A', 'a2')).toEqual({ outcome: 'queued', waiting: 2 });
    expect(inbox.push('A', 'a3')).toEqual({ outcome: 'dropped', reason: 'full' });
    expect(inbox.push('B', 'b1')).toEqual({ outcome: 'queued', waiting: 1 });
    expect(dropped).toEqual([['A', 'a3', 'full']]);
    await h.release('a1');
    expect(inbox.push('A', 'a4')).toEqual({ outcome: 'queued', waiting: 2 });
    await h.release('a2');
    await h.release('a4');
    await h.release('b1');
    await inbox.settled();
    expect(h.started).toEqual(['a1', 'b1', 'a2', 'a4']);
    expect(inbox.stats()).toMatchObject({ handled: 4, dropped: 1 });
  });

  it('GIVEN a handler that throws THEN the error is told with its item AND the chat goes on', async () => {
    const errors: string[] = [];
    const seen: string[] = [];
    const inbox = new ChatInbox<string>({
      handle: async (item) => {
        if (item === 'bad') throw new Error('boom');
        seen.push(item);
      },
      onError: (error, item, key) => errors.push(`${key}/${item}: ${(error as Error).message}`),
    });
    inbox.push('A', 'bad');
    inbox.push('A', 'good');
    await inbox.settled();
    expect(errors).toEqual(['A/bad: boom']);
    expect(seen).toEqual(['good']);
  });

  it('GIVEN the inbox closed THEN new items are dropped and told, queued ones still handled', async () => {
    const h = gatedHandler();
    const dropped: string[] = [];
    const inbox = new ChatInbox<string>({ handle: h.handle, onDrop: (item, _key, reason) => dropped.push(`${item} ${reason}`) });
    inbox.push('A', 'a1');
    inbox.close();
    expect(inbox.push('A', 'a2')).toEqual({ outcome: 'dropped', reason: 'closed' });
    const settled = inbox.settled();
    await h.release('a1');
    await settled;
    expect(dropped).toEqual(['a2 closed']);
    expect(h.started).toEqual(['a1']);
  });
});
