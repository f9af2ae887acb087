import type { FileHandle } from 'node:fs/promises';
import type { Writable } from 'node:stream';

/**
 * Where a streamed export writes its text, a chunk at a time; the export waits for each write, so
 * a slow reader (a download, a full pipe) slows the export instead of filling memory. `bytes`,
 * where the sink has it (a file, a stream), takes text already encoded as UTF-8 (its pieces may
 * cut a character in two): an export made in a worker thread hands its text over that way, and
 * text read back from a temporary file goes on without being decoded and encoded again.
 */
export type TextSink = ((chunk: string) => Promise<void>) & {
  bytes?: (chunk: Uint8Array) => Promise<void>;
  /**
   * True when the sink is done with the bytes it was given once `bytes` resolves (a file: the
   * write is complete; not a stream, which may still hold them in its buffer): the caller may then
   * fill the same memory again. On this kind of machine memory touched for the first time costs
   * about 8 ms a megabyte, as much as making the text, so an export of gigabytes reuses its buffers.
   */
  bytesDone?: true;
};

/** A sink that keeps the whole text, for tests (the on-screen report keeps its beginning: screenCollector). */
export function textCollector(): { sink: TextSink; text: () => string } {
  const chunks: string[] = [];
  return { sink: async (chunk) => void chunks.push(chunk), text: () => chunks.join('') };
}

/**
 * A sink that keeps the beginning of a text, up to `maxChars` and cut at a line end, and counts
 * the rest: the on-screen report of a long ledger shows its summary and first incidents without
 * holding hundreds of megabytes in the bot's memory or the browser's page.
 */
export function screenCollector(maxChars: number): { sink: TextSink; text: () => string; cut: () => boolean; totalChars: () => number } {
  const chunks: string[] = [];
  let kept = 0;
  let total = 0;
  let full = false;
  const sink: TextSink = async (chunk) => {
    total += chunk.length;
    if (full) return;
    if (kept + chunk.length <= maxChars) {
      chunks.push(chunk);
      kept += chunk.length;
      return;
    }
    // The last line that fits whole; nothing of a line cut in two.
    const head = chunk.slice(0, maxChars - kept);
    const lineEnd = head.lastIndexOf('\n');
    if (lineEnd >= 0) chunks.push(head.slice(0, lineEnd + 1));
    full = true;
  };
  return { sink, text: () => chunks.join(''), cut: () => full, totalChars: () => total };
}

/** A sink into an open file: each write complete when it resolves (see TextSink.bytesDone). */
export const fileSink = (file: FileHandle): TextSink =>
  Object.assign(
    async (chunk: string) => {
      await file.write(chunk);
    },
    {
      bytes: async (chunk: Uint8Array) => {
        await file.write(chunk);
      },
      bytesDone: true as const,
    },
  );

/**
 * A sink into a stream (standard output, an HTTP response), waiting for it to drain when full. A
 * stream that failed (a reader that went away: EPIPE, a closed download) fails the next write, so
 * the export stops there instead of reading on for nobody.
 */
export function streamSink(stream: Writable): TextSink {
  let failed: Error | undefined;
  // Kept for good: an error after a write returned is the next write's, never an uncaught one.
  stream.on('error', (error: Error) => (failed ??= error));
  const write = (chunk: string | Uint8Array) =>
    new Promise<void>((resolve, reject) => {
      if (failed || stream.destroyed) return reject(failed ?? new Error('the stream was closed'));
      if (stream.write(chunk)) return resolve();
      const done = () => {
        stream.off('drain', done);
        stream.off('error', done);
        stream.off('close', done);
        if (failed || stream.destroyed) reject(failed ?? new Error('the stream was closed'));
        else resolve();
      };
      stream.on('drain', done);
      stream.on('error', done);
      stream.on('close', done);
    });
  return Object.assign((chunk: string) => write(chunk), { bytes: (chunk: Uint8Array) => write(chunk) });
}
