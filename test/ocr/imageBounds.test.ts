import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { imageBounds } from '../../src/ocr/imageBounds.js';
import { tidyOcrText } from '../../src/ocr/ocrText.js';

/** A PNG that is only its signature and header: it claims width × height, with no pixel data. */
function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.set([8, 6, 0, 0, 0], 16);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr]);
}

const LIMITS = { maxBytes: 100_000, maxPixels: 4_000_000 };

describe('imageBounds', () => {
  it('GIVEN a real screenshot THEN its type and size come from the header', () => {
    const bounds = imageBounds(readFileSync(new URL('../fixtures/images/rumor-zh.jpg', import.meta.url)), LIMITS);
    expect(bounds).toMatchObject({ ok: true, type: 'jpg', width: 520 });
  });

  it('GIVEN a tiny file whose header claims 30000×30000 THEN it is refused before decoding', () => {
    expect(imageBounds(pngHeader(30_000, 30_000), LIMITS)).toMatchObject({ ok: false, reason: 'too_many_pixels' });
    expect(imageBounds(pngHeader(2_000, 2_000), LIMITS)).toMatchObject({ ok: true, type: 'png', width: 2_000, height: 2_000 });
  });

  it('GIVEN too many bytes, or no image at all THEN the reason says which', () => {
    expect(imageBounds(Buffer.alloc(100_001), LIMITS)).toMatchObject({ ok: false, reason: 'too_many_bytes' });
    expect(imageBounds(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'), LIMITS)).toMatchObject({ ok: false, reason: 'not_an_image' });
    expect(imageBounds(Buffer.from('hello'), LIMITS)).toMatchObject({ ok: false, reason: 'not_an_image' });
  });
});

describe('tidyOcrText', () => {
  it('GIVEN Chinese read with spaces between words and a sentence over two lines THEN it reads as typed', () => {
    expect(tidyOcrText('紧急 通知 : 明天 起 全 市 停 水 ，\n请 大 家 提前 储 水 !\n\n|\n')).toBe('紧急通知:明天起全市停水，请大家提前储水!');
    expect(tidyOcrText('BREAKING: 5G towers spread the\ncoronavirus, share now\n')).toBe('BREAKING: 5G towers spread the coronavirus, share now');
  });
});
