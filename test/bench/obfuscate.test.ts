import { describe, expect, it } from 'vitest';
import { obfuscate, type Obfuscation } from '../../src/bench/corpus/obfuscate.js';
import { createRandom } from '../../src/bench/corpus/random.js';

const EN = 'Drinking warm salt water cures diabetes within 5 days.';
const ZH = '紧急扩散！北京周六晚上有酸雨，气象局说要关好门窗';

describe('obfuscate', () => {
  const cases: { how: Obfuscation; text: string; check: (out: string) => boolean }[] = [
    { how: 'zeroWidth', text: EN, check: (out) => /[\u200b-\u200d\u2060\ufeff]/.test(out) },
    { how: 'fullwidth', text: EN, check: (out) => /[\uff01-\uff5e]/.test(out) && !/[A-Za-z]/.test(out) },
    { how: 'homoglyph', text: EN, check: (out) => /\p{Script=Cyrillic}/u.test(out) },
    { how: 'separated', text: EN, check: (out) => /\p{L}[. *-]\p{L}[. *-]\p{L}[. *-]\p{L}/u.test(out) },
    { how: 'separated', text: ZH, check: (out) => /\p{Script=Han}[. *-]\p{Script=Han}/u.test(out) },
    { how: 'traditional', text: ZH, check: (out) => out.includes('緊急擴散') },
    { how: 'stretched', text: EN, check: (out) => /(\p{L})\1\1/u.test(out) && out.length > EN.length },
    { how: 'randomCase', text: EN, check: (out) => out.toLowerCase() === EN.toLowerCase() && out !== EN },
  ];
  for (const { how, text, check } of cases) {
    it(`GIVEN ${how} on "${text.slice(0, 12)}…" THEN the text is disguised the expected way`, () => {
      const out = obfuscate(text, how, createRandom(1));
      expect(out).not.toBe(text);
      expect(check(out), out).toBe(true);
    });
  }
});
