import { Worker } from 'node:worker_threads';
import { workerScript } from '../../lib/workerScript.js';
import type { ExportSummary } from './exportLedger.js';
import { EXPORT_WORKER_TAG, type ExportMessage, type ExportReply, type ExportRequest } from './exportWorkerProtocol.js';
import type { TextSink } from './textSink.js';

/**
 * Makes an export in a worker thread (exportLedgerWorker), writing the text it posts to `sink`
 * in order, each chunk acknowledged once written (the worker waits when too far ahead: see
 * IN_FLIGHT_CHARS). The bot's thread only passes text on while the worker reads, parses, hashes
 * and formats. `{ fallback }` saying why when no worker could make it and nothing was written (its
 * module not found, the thread refused to start, or it failed before its first text): the caller
 * then exports in its own thread. A failure after text was written, or of the sink, rejects.
 */
export async function exportInWorker(request: Omit<ExportRequest, 'tag'>, sink: TextSink): Promise<ExportSummary | { fallback: string }> {
  const start = workerScript(import.meta.url, 'exportLedgerWorker');
  if (!start) return { fallback: 'its worker script was not found' };
  let worker: Worker;
  try {
    worker = new Worker(start.script, { ...start.options, workerData: { tag: EXPORT_WORKER_TAG, ...request } satisfies ExportRequest });
  } catch (error) {
    return { fallback: `its worker thread did not start (${error instanceof Error ? error.message : String(error)})` };
  }
  return new Promise<ExportSummary | { fallback: string }>((resolve, reject) => {
    let wrote = false;
    let settled = false;
    let ended = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      worker.removeAllListeners('message');
      // Not terminated (see ExportReply): told to stop, it closes its connection and ends by
      // itself at its next page (the process waits for that before it exits).
      if (!ended) worker.postMessage({ kind: 'stop' } satisfies ExportReply);
      settle();
    };
    const failed = (message: string) => {
      if (!wrote) return finish(() => resolve({ fallback: `its worker thread failed before writing: ${message}` }));
      finish(() => reject(new Error(`the export stopped half-way: ${message}`)));
    };
    const handle = async (message: ExportMessage | { kind: 'ended' }) => {
      switch (message.kind) {
        case 'text':
          wrote = true;
          await sink(message.text);
          worker.postMessage({ kind: 'written', size: message.text.length } satisfies ExportReply);
          break;
        case 'bytes': {
          wrote = true;
          await sink.bytes!(message.bytes);
          // Written, its buffer goes back to be filled again (see ExportRequest.reuse).
          const buffer = request.reuse ? (message.bytes.buffer as ArrayBuffer) : undefined;
          worker.postMessage({ kind: 'written', size: message.bytes.byteLength, ...(buffer ? { buffer } : {}) } satisfies ExportReply, buffer ? [buffer] : []);
          break;
        }
        case 'done':
          finish(() => resolve(message.summary));
          break;
        case 'failed':
          failed(message.message);
          break;
        case 'ended':
          // Stopped (or crashed) without saying it was done.
          failed('its worker thread ended');
          break;
      }
    };
    // One message at a time, in order: the next text waits for the sink to take this one.
    const queue: (ExportMessage | { kind: 'ended' })[] = [];
    let draining = false;
    const drain = async () => {
      draining = true;
      try {
        for (let next = queue.shift(); next && !settled; next = queue.shift()) await handle(next);
      } catch (error) {
        finish(() => reject(error));
      }
      draining = false;
    };
    const take = (message: ExportMessage | { kind: 'ended' }) => {
      queue.push(message);
      if (!draining) void drain();
    };
    worker.on('message', take);
    // After the messages still waiting: a worker that has said it is done then exits.
    const end = () => {
      ended = true;
      take({ kind: 'ended' });
    };
    // An error after it settled must not become an uncaught one.
    worker.on('error', end);
    worker.on('exit', end);
  });
}
