import type { OcrOptions } from '../ocr/ocrOptions.js';
import type { Env } from './env.js';

/** The picture reader's bounds as the OCR_* variables set them, or `off`. */
export function ocrOptions(env: Env): Partial<OcrOptions> | 'off' {
  if (env.OCR === 'off') return 'off';
  return {
    workers: env.OCR_WORKERS,
    maxBytes: env.OCR_MAX_BYTES,
    maxPixels: env.OCR_MAX_PIXELS,
    timeoutMs: env.OCR_TIMEOUT_MS,
    queuePerGroup: env.OCR_QUEUE_PER_GROUP,
  };
}
