import type { FileHandle } from 'node:fs/promises';
import type { Writable } from 'node:stream';

/**
 * Where a streamed export writes its text, a chunk at a time; the export waits for each write, so
 * a slow reader (a download, a full pipe) slows the export instead of filling memory.
 */
export type TextSink = (chunk: string) => Promise<void>;

/** A sink that keeps the text, for the on-screen report and tests. */
export function textCollector(): { sink: TextSink; text: () => string } {
  const chunks: string[] = [];
  return { sink: async (chunk) => void chunks.push(chunk), text: () => chunks.join('') };
}

/** A sink into an open file. */
export const fileSink = (file: FileHandle): TextSink => async (chunk) => {
  await file.write(chunk);
};

/** A sink into a stream (standard output, an HTTP response), waiting for it to drain when full. */
export function streamSink(stream: Writable): TextSink {
  return (chunk) =>
    new Promise<void>((resolve, reject) => {
      if (stream.write(chunk)) return resolve();
      const done = (error?: Error) => {
        stream.off('drain', done);
        stream.off('error', done);
        if (error) reject(error);
        else resolve();
      };
      stream.on('drain', done);
      stream.on('error', done);
    });
}
