/**
 * Makes the small pictures the tests read (test/fixtures/images/): two screenshots carrying a
 * rumor of the example database, one in English, one in Chinese, and a photo with unrelated
 * text. Run again after changing them: `npx tsx scripts/makeImageFixtures.ts` (needs a CJK font,
 * e.g. Debian's fonts-noto-cjk).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from '../src/bench/corpus/random.js';
import { renderCard, type CardSpec } from '../src/eval/images/renderCard.js';

const FOLDER = fileURLToPath(new URL('../test/fixtures/images/', import.meta.url));

export const IMAGE_FIXTURES: Record<string, CardSpec> = {
  'rumor-en.png': { style: 'tweet', width: 560, rotate: 0, body: 'BREAKING: 5G towers spread the coronavirus. My cousin at the phone company confirmed it, share before they delete this!' },
  'rumor-zh.jpg': { style: 'weibo', width: 520, rotate: 1.5, jpegQuality: 70, body: '紧急扩散！蚊子叮咬会传播新冠病毒，晚上一定关好门窗，转给家里老人！' },
  'lunch.png': { style: 'photo', width: 480, rotate: 0, body: 'Sunday lunch with the family, best dumplings in town' },
};

await mkdir(FOLDER, { recursive: true });
for (const [name, spec] of Object.entries(IMAGE_FIXTURES)) {
  const bytes = await renderCard(spec, createRandom(name.length * 7919));
  await writeFile(path.join(FOLDER, name), bytes);
  console.log(`${name}: ${bytes.byteLength} bytes`);
}
