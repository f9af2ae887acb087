import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImageReader } from '../../src/ocr/imageReader.js';
import { bytesImage, ImageTooLarge, type ImageSource } from '../../src/ocr/imageSource.js';
import type { Recognized, TextRecognizer } from '../../src/ocr/textRecognizer.js';

const PNG = readFileSync(new URL('../fixtures/images/rumor-en.png', import.meta.url));
const JPG = readFileSync(new URL('../fixtures/images/rumor-zh.jpg', import.meta.url));

/** A recognizer whose answers the test releases by hand: what is being read is visible. */
function heldRecognizer(slots = 1) {
  const calls: { image: Uint8Array; answer: (r: Recognized) => void }[] = [];
  const recognizer: TextRecognizer = {
    slots,
    recognize: (image) => new Promise((answer) => calls.push({ image, answer })),
    close: async () => undefined,
  };
  return { recognizer, calls };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('ImageReader', () => {
  it('GIVEN the same picture twice THEN it is read once and the second answer comes from its sha256', async () => {
    const { recognizer, calls } = heldRecognizer();
    const reader = new ImageReader(recognizer);
    const first = reader.read('g', bytesImage('a.png', PNG));
    await flush();
    calls[0]!.answer({ ok: true, text: '5G towers\nspread it' });
    expect(await first).toMatchObject({ ok: true, text: '5G towers spread it', cached: false });
    const again = await reader.read('g', bytesImage('b.png', PNG));
    expect(again).toMatchObject({ ok: true, text: '5G towers spread it', cached: true });
    expect(calls).toHaveLength(1);
  });

  it('GIVEN a flood in one group THEN past its bound pictures are skipped at once, and another group is still read next', async () => {
    const { recognizer, calls } = heldRecognizer();
    const reader = new ImageReader(recognizer, { queuePerGroup: 3 });
    const flood = Array.from({ length: 50 }, (_, i) => reader.submit('flood', bytesImage(`f${i}`, Buffer.concat([PNG, Buffer.from([i])]))));
    expect(flood.filter((s) => s.accepted)).toHaveLength(3);
    expect(flood[3]).toMatchObject({ accepted: false, text: { ok: false, reason: 'queue_full' } });
    const other = reader.read('quiet', bytesImage('q', JPG));
    await flush();
    for (const i of [0, 1]) {
      calls[i]!.answer({ ok: true, text: `flood ${i}` });
      await flush();
      await flush();
    }
    // Groups take turns: the quiet group's picture comes before the flood's third one.
    expect(calls[2]!.image).toBe(JPG);
    calls[2]!.answer({ ok: true, text: 'quiet' });
    expect(await other).toMatchObject({ ok: true, text: 'quiet' });
    expect(reader.pending).toBe(1);
    await flush();
    calls[3]!.answer({ ok: true, text: 'flood 2' });
    expect(await (flood[2] as { text: Promise<unknown> }).text).toMatchObject({ ok: true, text: 'flood 2' });
    expect(reader.pending).toBe(0);
  });

  it('GIVEN pictures over the bounds THEN they are skipped with the reason, never read', async () => {
    const { recognizer, calls } = heldRecognizer();
    const reader = new ImageReader(recognizer, { maxBytes: 20_000, maxPixels: 100_000 });
    const declared = reader.submit('g', { label: 'big', declaredBytes: 50_000_000, load: () => Promise.reject(new Error('never fetched')) });
    expect(declared).toMatchObject({ accepted: false, text: { reason: 'too_many_bytes' } });
    const streamed: ImageSource = { label: 'stream', load: (max) => Promise.reject(new ImageTooLarge(max + 1, max)) };
    expect(await reader.read('g', streamed)).toMatchObject({ ok: false, reason: 'too_many_bytes' });
    expect(await reader.read('g', bytesImage('png', PNG))).toMatchObject({ ok: false, reason: 'too_many_bytes' });
    const pixels = new ImageReader(recognizer, { maxPixels: 1_000 });
    expect(await pixels.read('g', bytesImage('png', PNG))).toMatchObject({ ok: false, reason: 'too_many_pixels', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await reader.read('g', bytesImage('txt', Buffer.from('not a picture')))).toMatchObject({ ok: false, reason: 'not_an_image' });
    expect(await reader.read('g', { label: 'down', load: () => Promise.reject(new Error('HTTP 404')) })).toMatchObject({ ok: false, reason: 'fetch_failed', detail: 'HTTP 404' });
    expect(calls).toHaveLength(0);
  });

  it('GIVEN a picture whose reading timed out THEN it is skipped and the next one is read', async () => {
    const { recognizer, calls } = heldRecognizer();
    const reader = new ImageReader(recognizer);
    const slow = reader.read('g', bytesImage('slow', PNG));
    const next = reader.read('g', bytesImage('next', JPG));
    await flush();
    calls[0]!.answer({ ok: false, reason: 'timeout', detail: 'not read within 10000 ms' });
    expect(await slow).toMatchObject({ ok: false, reason: 'timeout' });
    await flush();
    calls[1]!.answer({ ok: true, text: '蚊子 叮咬' });
    expect(await next).toMatchObject({ ok: true, text: '蚊子叮咬' });
  });
});
