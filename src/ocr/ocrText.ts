import { MAX_IMAGE_TEXT } from './ocrOptions.js';

const HAN = String.raw`\p{Script=Han}`;
const CJK_PUNCT = String.raw`，。！？：；、“”‘’（）《》【】`;
/** Tesseract puts spaces between Chinese words; Chinese is written without them. */
const SPACE_IN_CHINESE = new RegExp(String.raw`(?<=[${HAN}${CJK_PUNCT}])[ \t]+(?=[${HAN}${CJK_PUNCT}])`, 'gu');
const SPACE_BEFORE_CJK_PUNCT = new RegExp(String.raw`(?<=[${HAN}])[ \t]+(?=[:!?,.])|(?<=[:!?,.])[ \t]+(?=[${HAN}])`, 'gu');
const ENDS_CHINESE = new RegExp(String.raw`[${HAN}${CJK_PUNCT}]$`, 'u');
const STARTS_CHINESE = new RegExp(String.raw`^[${HAN}${CJK_PUNCT}]`, 'u');

/**
 * The text read from an image as a member would have typed it: Chinese without the spaces the
 * OCR puts between words, a sentence broken over lines joined again (Chinese lines without a
 * space, others with one), blank lines and stray symbols dropped, at most MAX_IMAGE_TEXT long.
 */
export function tidyOcrText(raw: string): string {
  const lines = raw
    .split(/\r?\n/)
    .map((line) => line.replace(SPACE_IN_CHINESE, '').replace(SPACE_BEFORE_CJK_PUNCT, '').replace(/\s+/g, ' ').trim())
    // A line without a letter or a Chinese character is a frame, an icon or noise.
    .filter((line) => /[\p{L}\p{N}]/u.test(line));
  let text = '';
  for (const line of lines) {
    if (text === '') text = line;
    else text += ENDS_CHINESE.test(text) && STARTS_CHINESE.test(line) ? line : ` ${line}`;
  }
  return text.slice(0, MAX_IMAGE_TEXT);
}
