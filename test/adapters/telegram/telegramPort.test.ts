import { describe, expect, it } from 'vitest';
import type { Outgoing } from '../../../adapters/telegram/outgoing.js';
import { telegramPort } from '../../../adapters/telegram/telegramPort.js';
import type { ChatMessage } from '../../../src/engine/chatMessage.js';
import type { IntentOf } from '../../../src/engine/decision.js';

const MESSAGE: ChatMessage = { platform: 'telegram', groupId: '-1001', messageId: '7', member: { id: '202', name: 'Alice' }, text: 'x', sentAt: 0 };
const WARN: IntentOf<'warn'> = { type: 'warn', reason: 'ladder_step', detail: 'strike 2', language: 'en', debunkId: 'd', memberName: 'Alice', strikes: 2, decayDays: 30 };

/** The port of a message in `topic` (or none), and what it queued: payloads with their merge keys. */
function portIn(topic: number | undefined) {
  const queued: { payload: Outgoing; mergeKey: string | undefined }[] = [];
  const port = telegramPort(MESSAGE, { chatId: -1001, groupTitle: 'G', messageId: 7, ...(topic !== undefined ? { topic } : {}) }, {
    enqueue: (_chat, _priority, payload, mergeKey) => {
      queued.push({ payload, mergeKey });
      return Promise.resolve({ status: 'sent', carried: 1 });
    },
    alerts: {} as never,
    deleteMessage: () => Promise.resolve(),
    mute: () => Promise.resolve(),
    now: () => 0,
  });
  return { port, queued };
}

describe('telegramPort in forum topics', () => {
  it('GIVEN warnings about posts in topics 99 and 100 and in General THEN each is queued for its own topic, folding into digests only with those of the same topic', async () => {
    const keys: (string | undefined)[] = [];
    for (const topic of [99, 100, undefined]) {
      const { port, queued } = portIn(topic);
      await port.warn(WARN);
      expect(queued.map((q) => q.payload)).toEqual([expect.objectContaining({ replyTo: 7, ...(topic !== undefined ? { topic } : {}) })]);
      if (topic === undefined) expect(queued[0]?.payload).not.toHaveProperty('topic');
      keys.push(queued[0]?.mergeKey);
    }
    expect(keys).toEqual(['notices:normal:topic:99', 'notices:normal:topic:100', 'notices:normal']);
  });
});
