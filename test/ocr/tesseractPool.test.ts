import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ocrInstalled } from '../../src/ocr/languageData.js';
import { ImageReader } from '../../src/ocr/imageReader.js';
import { bytesImage } from '../../src/ocr/imageSource.js';
import { DEFAULT_OCR_OPTIONS } from '../../src/ocr/ocrOptions.js';
import { TesseractPool } from '../../src/ocr/tesseractPool.js';

const image = (name: string) => readFileSync(new URL(`../fixtures/images/${name}`, import.meta.url));

// Real OCR is CPU-heavy: one worker, three small pictures, one time-out.
describe('TesseractPool (tesseract.js, language data from node_modules)', () => {
  const pool = new TesseractPool(1, DEFAULT_OCR_OPTIONS.languages);
  afterAll(() => pool.close());

  it('GIVEN the language packages THEN OCR is installed', () => {
    expect(ocrInstalled(DEFAULT_OCR_OPTIONS.languages)).toBe(true);
    expect(ocrInstalled('klingon')).toBe(false);
  });

  it('GIVEN screenshots in English and Chinese THEN their text is read offline', async () => {
    const reader = new ImageReader(pool);
    const en = await reader.read('g', bytesImage('en', image('rumor-en.png')));
    const zh = await reader.read('g', bytesImage('zh', image('rumor-zh.jpg')));
    expect(en.ok && en.text).toMatch(/5G towers spread the coronavirus/);
    expect(zh.ok && zh.text).toMatch(/蚊子叮咬[会會][传傳]播新冠病毒/);
  }, 120_000);

  it('GIVEN an image over its time limit THEN its worker is replaced and the next image is read', async () => {
    expect(await pool.recognize(image('rumor-en.png'), 1)).toMatchObject({ ok: false, reason: 'timeout' });
    const next = await pool.recognize(image('lunch.png'), 60_000);
    expect(next.ok && next.text).toMatch(/lunch/i);
  }, 120_000);
});
