import { ImageReader, IMAGE_SKIPS, type ImageText } from './imageReader.js';
import { fileImage } from './imageSource.js';
import { ocrInstalled } from './languageData.js';
import { DEFAULT_OCR_OPTIONS } from './ocrOptions.js';
import { TesseractPool } from './tesseractPool.js';

/**
 * Reads image files on this machine (the playground, `check --image`, `scan`): one worker, the
 * bot's bounds. A value saying why when OCR is not installed.
 */
export function localImageReader(): { ok: true; reader: ImageReader } | { ok: false; error: string } {
  const { languages } = DEFAULT_OCR_OPTIONS;
  if (!ocrInstalled(languages)) {
    return { ok: false, error: `OCR is not installed: npm install tesseract.js @tesseract.js-data/{${languages.split('+').join(',')}}` };
  }
  // Files are read one after another; the queue only needs room for them.
  return { ok: true, reader: new ImageReader(new TesseractPool(1, languages), { queuePerGroup: 1_000, queueTotal: 1_000 }) };
}

/** Reads one file with the reader. */
export function readImageFile(reader: ImageReader, file: string): Promise<ImageText> {
  return reader.read('local', fileImage(file));
}

/** Why a picture was not read, in a sentence. */
export const describeSkip = (skip: ImageText & { ok: false }): string => `${IMAGE_SKIPS[skip.reason]} (${skip.detail})`;
