import * as OpenCC from 'opencc-js';
import { foldChinese } from '../matching/chineseFold.js';

/**
 * Chinese is written in two scripts. The bot's texts and most debunks are in simplified
 * characters; a member who writes traditional ones (Taiwan, Hong Kong, Macau) is answered in
 * traditional, converted phrase by phrase by OpenCC.
 */

/** Characters that only simplified Chinese writes (OpenCC changes them to traditional), by code unit. */
let simplifiedOnly: Uint8Array | undefined;
let toTaiwan: ((text: string) => string) | undefined;

const converter = () => (toTaiwan ??= OpenCC.Converter({ from: 'cn', to: 'tw' }));

function simplifiedTable(): Uint8Array {
  const convert = converter();
  const table = new Uint8Array(0x10000);
  for (let cp = 0x3400; cp <= 0x9fff; cp++) {
    const ch = String.fromCharCode(cp);
    if (convert(ch) !== ch) table[cp] = 1;
  }
  return table;
}

/** Text read to tell the script: enough characters for any chat message to show it. */
const SAMPLE_CHARS = 2000;

/**
 * Whether a text is written in traditional characters: more of its characters are traditional
 * only (傳, 說, 謠) than simplified only (传, 说, 谣). Characters both scripts share (人, 是, 的)
 * say nothing, so a message of only those is not traditional.
 */
export function writesTraditional(text: string): boolean {
  let traditional = 0;
  let simplified = 0;
  const end = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < end; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x3400 || unit > 0xfaff) continue;
    const simplifiedForm = unit <= 0x9fff && (simplifiedOnly ??= simplifiedTable())[unit] === 1;
    const traditionalForm = foldChinese(unit) !== unit;
    // Both (么 folds to 幺 and converts to 麼): a variant, telling nothing.
    if (traditionalForm && !simplifiedForm) traditional++;
    else if (simplifiedForm && !traditionalForm) simplified++;
  }
  return traditional > simplified;
}

/**
 * Builds the tables writesTraditional reads, so the first Chinese message does not wait for them
 * (about 0.2 s, on the event loop every group shares): for a start-up whose database has Chinese.
 */
export function prepareScripts(): void {
  simplifiedOnly ??= simplifiedTable();
  foldChinese(0x50b3);
}

/** `text` in traditional characters when `traditional`, else as it is. */
export function inScript(text: string, traditional: boolean | undefined): string {
  return traditional ? converter()(text) : text;
}
