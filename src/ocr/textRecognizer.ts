/** What became of reading one image. */
export type Recognized = { ok: true; text: string } | { ok: false; reason: 'timeout' | 'ocr_failed'; detail: string };

/**
 * Reads the text in an image (already checked against the bounds). At most `slots` calls run at
 * once; the caller queues the rest. Platform-free: tesseract.js in worker threads, or a fake.
 */
export interface TextRecognizer {
  readonly slots: number;
  recognize(image: Uint8Array, timeoutMs: number): Promise<Recognized>;
  close(): Promise<void>;
}
