import { createHash } from 'node:crypto';
import { LruMap } from '../lib/lruMap.js';
import { FairQueue } from './fairQueue.js';
import { imageBounds } from './imageBounds.js';
import { ImageTooLarge, type ImageSource } from './imageSource.js';
import { DEFAULT_OCR_OPTIONS, type OcrOptions } from './ocrOptions.js';
import { tidyOcrText } from './ocrText.js';
import type { TextRecognizer } from './textRecognizer.js';

/** Why an image was not read, as one table (the log and the eval name these). */
export const IMAGE_SKIPS = {
  queue_full: 'too many images of this group (or in all) are waiting',
  too_many_bytes: 'the file is larger than OCR_MAX_BYTES',
  too_many_pixels: 'the picture has more pixels than allowed',
  not_an_image: 'not a PNG, JPEG, WebP, GIF or BMP image',
  fetch_failed: 'the file could not be fetched or read',
  timeout: 'reading took longer than OCR_TIMEOUT_MS',
  ocr_failed: 'the OCR failed',
  closed: 'the bot is stopping',
} as const;
export type ImageSkip = keyof typeof IMAGE_SKIPS;

/** The text of one image, or why it was skipped. */
export type ImageText =
  | { ok: true; sha256: string; text: string; cached: boolean }
  | { ok: false; reason: ImageSkip; detail: string; sha256?: string };

interface Job {
  source: ImageSource;
  resolve: (text: ImageText) => void;
}

/**
 * Reads the text in pictures, within bounds whatever members send: a bounded queue per group
 * (and in all) served in turn, the size in bytes and pixels checked before decoding, a time
 * limit per image, and the text of each picture kept by its sha256 (LRU), so the same picture
 * forwarded again is not read again. Platform-free; expected failures are values, never throws.
 */
export class ImageReader {
  readonly options: OcrOptions;
  private readonly queue: FairQueue<Job>;
  private readonly texts: LruMap<string, string>;
  private running = 0;
  private closed = false;

  constructor(
    private readonly recognizer: TextRecognizer,
    options: Partial<OcrOptions> = {},
  ) {
    this.options = { ...DEFAULT_OCR_OPTIONS, ...options };
    this.queue = new FairQueue(this.options.queuePerGroup, this.options.queueTotal);
    this.texts = new LruMap(this.options.cacheSize);
  }

  /**
   * Queues an image of a group. Refused at once (a value, not a wait) when the platform's stated
   * size is over the bounds or the group's queue is full; otherwise `text` resolves once it was
   * read or skipped.
   */
  submit(groupId: string, source: ImageSource): { accepted: true; text: Promise<ImageText> } | { accepted: false; text: ImageText } {
    const early = this.closed ? skip('closed', 'OCR closed') : this.declaredOverBounds(source);
    if (early) return { accepted: false, text: early };
    let resolve!: (text: ImageText) => void;
    const text = new Promise<ImageText>((r) => (resolve = r));
    if (!this.queue.offer(groupId, { source, resolve })) return { accepted: false, text: skip('queue_full', `${this.options.queuePerGroup} per group, ${this.options.queueTotal} in all`) };
    this.pump();
    return { accepted: true, text };
  }

  /** One image, waiting its turn like any other (the CLI, the playground, the eval). */
  read(groupId: string, source: ImageSource): Promise<ImageText> {
    const submitted = this.submit(groupId, source);
    return submitted.accepted ? submitted.text : Promise.resolve(submitted.text);
  }

  private declaredOverBounds(source: ImageSource): ImageText | undefined {
    const { maxBytes, maxPixels } = this.options;
    if (source.declaredBytes !== undefined && source.declaredBytes > maxBytes) return skip('too_many_bytes', `${source.declaredBytes} bytes > ${maxBytes}`);
    if (source.declaredPixels !== undefined && source.declaredPixels > maxPixels) return skip('too_many_pixels', `${source.declaredPixels} pixels > ${maxPixels}`);
    return undefined;
  }

  private pump(): void {
    while (this.running < this.recognizer.slots) {
      const next = this.queue.take();
      if (!next) return;
      this.running += 1;
      void this.readOne(next.item.source)
        .catch((error: unknown) => skip('ocr_failed', error instanceof Error ? error.message : String(error)))
        .then((text) => {
          this.running -= 1;
          this.queue.done(next.group);
          next.item.resolve(text);
          this.pump();
        });
    }
  }

  private async readOne(source: ImageSource): Promise<ImageText> {
    if (this.closed) return skip('closed', 'OCR closed');
    const { maxBytes, maxPixels, timeoutMs } = this.options;
    let bytes: Uint8Array;
    try {
      bytes = await source.load(maxBytes);
    } catch (error) {
      if (error instanceof ImageTooLarge) return skip('too_many_bytes', `${error.bytes} bytes > ${maxBytes}`);
      return skip('fetch_failed', error instanceof Error ? error.message : String(error));
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const known = this.texts.get(sha256);
    if (known !== undefined) return { ok: true, sha256, text: known, cached: true };
    const bounds = imageBounds(bytes, { maxBytes, maxPixels });
    if (!bounds.ok) return { ...skip(bounds.reason, bounds.detail), sha256 };
    const read = await this.recognizer.recognize(bytes, timeoutMs);
    if (!read.ok) return { ...skip(read.reason, read.detail), sha256 };
    const text = tidyOcrText(read.text);
    this.texts.set(sha256, text);
    return { ok: true, sha256, text, cached: false };
  }

  /** Images waiting or being read. */
  get pending(): number {
    return this.queue.size;
  }

  /** Images still waiting are skipped; the workers stop. */
  async close(): Promise<void> {
    this.closed = true;
    for (let next = this.queue.take(); next; next = this.queue.take()) {
      this.queue.done(next.group);
      next.item.resolve(skip('closed', 'OCR closed'));
    }
    await this.recognizer.close();
  }
}

const skip = (reason: ImageSkip, detail: string): ImageText & { ok: false } => ({ ok: false, reason, detail });
