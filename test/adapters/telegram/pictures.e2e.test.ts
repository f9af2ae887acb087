import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { FIVE_G_ID, TEXT } from '../../engine/harness.js';
import { ALICE, BOB, type BotHarness, GROUP, GROUP_ID, startBot } from './botHarness.js';

const RUMOR = readFileSync(new URL('../../fixtures/images/rumor-en.png', import.meta.url));
const RUMOR_ZH = readFileSync(new URL('../../fixtures/images/rumor-zh.jpg', import.meta.url));
const LUNCH = readFileSync(new URL('../../fixtures/images/lunch.png', import.meta.url));
const OTHER_GROUP = { id: -1001000000009, type: 'supergroup', title: 'Neighbours' } as const;

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** Resolves once `found()` is true; fails after `ms`. */
async function within<T>(ms: number, what: string, found: () => T | undefined | false): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = found();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

// Real OCR (tesseract.js in a worker thread): few pictures, small ones.
describe('Telegram: rumors in pictures', () => {
  it('GIVEN a member posts a screenshot of a rumor THEN the refutation replies to the picture AND the incident names the image and its sha256', async () => {
    h = await startBot();
    const { message } = await h.fake.sendMessage(GROUP.id, ALICE.id, { photo: h.fake.photo(RUMOR, 560, 220) });
    await h.adapter.idle();
    const [reply, ...rest] = h.sentTo(GROUP.id);
    expect(rest).toEqual([]);
    expect(reply).toMatchObject({ reply_parameters: { message_id: message.message_id } });
    expect(reply?.text).toMatch(/Fact check/);
    expect(h.fake.callsOf('getFile')).toHaveLength(1);
    const [incident] = await h.incidents();
    expect(incident).toMatchObject({ groupId: GROUP_ID, messageId: String(message.message_id), debunkId: FIVE_G_ID, images: { matchedIn: 'image', sha256: [expect.stringMatching(/^[0-9a-f]{64}$/)] } });

    // A picture sent as a file (uncompressed) is read too. The caption asks whether it is true:
    // the same stance rules as for text word the refutation as an answer, in the picture's language.
    const sent = await h.fake.sendMessage(GROUP.id, BOB.id, { caption: '真的假的', document: h.fake.document(RUMOR_ZH, 'weibo.jpg', 'image/jpeg') });
    await h.adapter.idle();
    const [answer] = h.sentTo(GROUP.id);
    expect(answer).toMatchObject({ reply_parameters: { message_id: sent.message.message_id } });
    expect(answer?.text).toMatch(/问得好/);
  }, 120_000);

  it('GIVEN a flood of 50 pictures in one group THEN a text rumor in another group is answered within 1 s, and the pictures over the bound are skipped and logged', async () => {
    const log: string[] = [];
    h = await startBot({ logTo: new Writable({ write: (chunk, _e, done) => (log.push(String(chunk)), done()) }) });
    h.fake.addChat(OTHER_GROUP);
    h.fake.setMember(OTHER_GROUP.id, BOB, 'member');
    for (let i = 0; i < 50; i++) {
      // Each a different file (one byte more), so none is answered from the cache.
      await h.fake.sendMessage(GROUP.id, ALICE.id, { photo: h.fake.photo(Buffer.concat([LUNCH, Buffer.from([i])]), 480, 160) });
    }
    const sentAt = Date.now();
    await h.fake.sendMessage(OTHER_GROUP.id, BOB.id, TEXT.fiveG);
    await within(1_000, 'the refutation in the other group', () => h!.fake.botMessages(OTHER_GROUP.id).length > 0);
    expect(Date.now() - sentAt).toBeLessThanOrEqual(1_000);
    // Past the group's bound (8 waiting or being read) pictures are skipped and logged, never queued.
    expect(log.join('').match(/picture skipped \(queue_full\)/g)?.length).toBeGreaterThanOrEqual(40);
    await h.adapter.idle();
    expect(h.sentTo(GROUP.id)).toEqual([]);
  }, 180_000);
});
