import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/bench/corpus/random.js';
import { buildImageSet } from '../../src/eval/images/imageSet.js';
import { renderCard, wrap } from '../../src/eval/images/renderCard.js';
import { imageBounds } from '../../src/ocr/imageBounds.js';
import { DEBUNKS } from '../engine/harness.js';

describe('the image set of eval --images', () => {
  it('GIVEN no ../shared/eval THEN every example debunk is pictured once, beside pictures without a rumor, the same for a seed', () => {
    const set = buildImageSet(DEBUNKS, '/nonexistent', createRandom(1));
    expect(set.cases.filter((c) => c.claim !== null).map((c) => c.claim)).toEqual(DEBUNKS.map((d) => d.id));
    expect(set.cases.filter((c) => c.claim === null).length).toBeGreaterThan(5);
    expect(new Set(set.cases.map((c) => c.lang))).toEqual(new Set(['zh', 'en']));
    expect(buildImageSet(DEBUNKS, '/nonexistent', createRandom(1))).toEqual(set);
  });

  it('GIVEN a card THEN it is a picture of the stated width, PNG or JPEG as asked', async () => {
    const png = await renderCard({ body: '5G towers spread the coronavirus', style: 'tweet', width: 420, rotate: 2 }, createRandom(2));
    const jpg = await renderCard({ body: '蚊子叮咬会传播新冠病毒', style: 'weibo', width: 540, rotate: 0, jpegQuality: 50 }, createRandom(3));
    expect(imageBounds(png, { maxBytes: 1e7, maxPixels: 1e8 })).toMatchObject({ ok: true, type: 'png', width: 420 });
    expect(imageBounds(jpg, { maxBytes: 1e7, maxPixels: 1e8 })).toMatchObject({ ok: true, type: 'jpg', width: 540 });
  });

  it('GIVEN a long text THEN Chinese wraps between characters and English between words', () => {
    const width = (t: string) => t.length * 10;
    expect(wrap('蚊子叮咬会传播新冠病毒', 50, width)).toEqual(['蚊子叮咬会', '传播新冠病', '毒']);
    expect(wrap('Eating garlic prevents infection', 150, width)).toEqual(['Eating garlic', 'prevents', 'infection']);
  });
});
