/** How images are read: the bounds every picture is held to, whatever a member sends. */
export interface OcrOptions {
  /** Worker threads reading images (OCR_WORKERS). @defaultValue 1 */
  workers: number;
  /** Largest image fetched, in bytes (OCR_MAX_BYTES); a bigger one is skipped unread. @defaultValue 5 MB */
  maxBytes: number;
  /** Largest image read, in pixels (width × height from its header, before decoding). @defaultValue 12 megapixels */
  maxPixels: number;
  /** Longest one image may take in a worker; the worker is then replaced (OCR_TIMEOUT_MS). @defaultValue 10 s */
  timeoutMs: number;
  /** Images of one group waiting or being read at once; more are skipped (OCR_QUEUE_PER_GROUP). @defaultValue 8 */
  queuePerGroup: number;
  /** Images of all groups waiting or being read at once. @defaultValue 64 */
  queueTotal: number;
  /** Texts of images read lately, by sha256: the same picture is never read twice. @defaultValue 1000 */
  cacheSize: number;
  /** Tesseract languages, joined by '+'. @defaultValue chi_sim+chi_tra+eng */
  languages: string;
}

export const DEFAULT_OCR_OPTIONS = {
  workers: 1,
  maxBytes: 5_000_000,
  maxPixels: 12_000_000,
  timeoutMs: 10_000,
  queuePerGroup: 8,
  queueTotal: 64,
  cacheSize: 1_000,
  languages: 'chi_sim+chi_tra+eng',
} as const satisfies OcrOptions;

/** Longest text kept from one image: a page of small print is not a chat message. */
export const MAX_IMAGE_TEXT = 4_000;
