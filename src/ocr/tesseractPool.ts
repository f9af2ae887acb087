import type { Worker } from 'tesseract.js';
import { languageFolder } from './languageData.js';
import type { Recognized, TextRecognizer } from './textRecognizer.js';

/** Longest a worker may take to start and load the language models. */
export const WORKER_START_MS = 60_000;

interface Slot {
  worker: Promise<Worker> | undefined;
  busy: boolean;
}

/**
 * tesseract.js workers, each in a worker thread of its own, started on first use with the
 * language data from node_modules (never fetched, never cached to disk). An image that takes
 * longer than its time limit has its worker terminated (the thread stops wherever it is) and a
 * new one started for the next image, so one pathological picture never holds a slot.
 */
export class TesseractPool implements TextRecognizer {
  private readonly pool: Slot[];
  private folder: Promise<{ path: string; remove: () => Promise<void> }> | undefined;
  private closed = false;
  /** Resolves at close(): readings under way end then, their workers terminated. */
  private readonly stopped: Promise<'closed'>;
  private stop!: () => void;

  constructor(
    readonly slots: number,
    private readonly languages: string,
  ) {
    this.pool = Array.from({ length: slots }, () => ({ worker: undefined, busy: false }));
    this.stopped = new Promise((resolve) => (this.stop = () => resolve('closed')));
  }

  async recognize(image: Uint8Array, timeoutMs: number): Promise<Recognized> {
    const slot = this.pool.find((s) => !s.busy);
    if (!slot || this.closed) return { ok: false, reason: 'ocr_failed', detail: this.closed ? 'OCR closed' : 'no free OCR worker' };
    slot.busy = true;
    let timer: NodeJS.Timeout | undefined;
    const within = (ms: number) => new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
    try {
      // Starting a worker (loading the models) has its own, longer limit: on a busy machine it
      // can take longer than one image may, and must not be killed over and over for that.
      const started = await Promise.race([(slot.worker ??= this.start()), within(WORKER_START_MS), this.stopped]);
      clearTimeout(timer);
      if (started === 'closed') return { ok: false, reason: 'ocr_failed', detail: 'OCR closed' };
      if (started === 'timeout') throw new Error(`the OCR worker did not start within ${WORKER_START_MS} ms`);
      const worker = started;
      const result = await Promise.race([worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength)), within(timeoutMs), this.stopped]);
      if (result === 'closed') return { ok: false, reason: 'ocr_failed', detail: 'OCR closed' };
      if (result === 'timeout') {
        slot.worker = undefined;
        await worker.terminate();
        return { ok: false, reason: 'timeout', detail: `not read within ${timeoutMs} ms` };
      }
      return { ok: true, text: result.data.text };
    } catch (error) {
      // A worker that failed may be in any state: the next image gets a new one.
      const failed = slot.worker;
      slot.worker = undefined;
      void failed?.then((w) => w.terminate()).catch(() => undefined);
      return { ok: false, reason: 'ocr_failed', detail: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
      slot.busy = false;
    }
  }

  private async start(): Promise<Worker> {
    const { createWorker, OEM } = await import('tesseract.js');
    const folder = await (this.folder ??= languageFolder(this.languages));
    return createWorker(this.languages, OEM.LSTM_ONLY, {
      langPath: folder.path,
      gzip: true,
      // The models are read from node_modules each start; nothing is written anywhere.
      cacheMethod: 'none',
      errorHandler: () => undefined,
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stop();
    const workers = this.pool.map((s) => s.worker).filter((w) => w !== undefined);
    for (const slot of this.pool) slot.worker = undefined;
    await Promise.all(workers.map((w) => w.then((worker) => worker.terminate()).catch(() => undefined)));
    await (await this.folder?.catch(() => undefined))?.remove();
  }
}
