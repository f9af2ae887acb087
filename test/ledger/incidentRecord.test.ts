import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { incidentRecord } from '../../src/ledger/incidentRecord.js';
import { FIVE_G_ID, TEXT, harness } from '../engine/harness.js';

describe('incidentRecord', () => {
  it('GIVEN a rumor in a new group THEN the record has the message, member, match, and done and withheld actions', async () => {
    const h = harness();
    await h.post(); // first strike
    const message = h.message({ link: 'https://t.me/c/1/2' });
    const decision = await h.engine.evaluate(message);
    const record = incidentRecord(message, decision);
    expect(record).toMatchObject({
      type: 'incident',
      platform: 'test',
      groupId: 'g-1',
      messageId: message.messageId,
      link: 'https://t.me/c/1/2',
      member: { id: 'm-1', name: 'Alice' },
      debunkId: FIVE_G_ID,
      refuting: false,
      strikes: 2,
      messageAt: new Date(message.sentAt).toISOString(),
      messageHash: createHash('sha256').update(message.text).digest('hex'),
      messageText: message.text,
      by: { kind: 'bot' },
    });
    // Second strike in a new group: the repeat window turns the refutation into a pointer, and
    // the warning is decided but not enabled.
    expect(record!.actions).toEqual([
      expect.objectContaining({ type: 'pointer', status: 'planned' }),
      expect.objectContaining({ type: 'warn', status: 'withheld', withheldBecause: 'action_disabled' }),
    ]);
  });

  it('GIVEN small talk THEN there is nothing to record', async () => {
    const h = harness();
    const message = h.message({ text: TEXT.chatter });
    expect(incidentRecord(message, await h.engine.evaluate(message))).toBeUndefined();
  });
});
