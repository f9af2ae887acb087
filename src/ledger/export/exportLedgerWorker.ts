import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { sqliteLedgerBackend } from '../backends/sqliteLedgerBackend.js';
import type { ClosableLedgerBackend } from '../backends/closableLedgerBackend.js';
import { Ledger } from '../ledger.js';
import type { LedgerBackend } from '../ledgerBackend.js';
import { exportFromLedger } from './exportLedger.js';
import type { TextSink } from './textSink.js';
import { ownBytes, utf8Bytes, utf8Encoder } from './handOver.js';
import { EXPORT_WORKER_TAG, IN_FLIGHT_CHARS, type ExportMessage, type ExportReply, type ExportRequest } from './exportWorkerProtocol.js';

/**
 * The worker thread that makes a long export for exportInWorker: it opens the ledger's SQLite
 * file read-only on a connection of its own and runs the same export as the main thread would
 * (so the same text), posting the text as it is written. Reading, parsing, hashing and writing
 * out millions of entries, and the garbage they leave, are then this thread's, not the bot's.
 */
async function run(port: MessagePort, request: ExportRequest): Promise<void> {
  const post = (message: ExportMessage) => port.postMessage(message);
  const flow = new Flow(port, request.bytes);
  let backend: ClosableLedgerBackend | undefined;
  try {
    backend = await sqliteLedgerBackend(request.source.file, { table: request.source.table, readOnly: true });
    // The kept texts as of the export's start, as the chain is read up to where it ended then.
    const now = new Date(request.now);
    const ledger = new Ledger(stoppable(backend, flow), { now: () => now });
    const { source: _source, tag: _tag, end, now: _now, groupId, bytes, reuse, ...options } = request;
    const sink: TextSink = !bytes
      ? (text: string) => flow.gather(text)
      : reuse
        ? // Text and bytes go into buffers the main thread hands back (see ExportRequest.reuse);
          // bytes are copied before `bytes` resolves, so their memory can be filled again.
          Object.assign((text: string) => flow.sendText(text), { bytes: (chunk: Uint8Array) => flow.sendCopy(chunk), bytesDone: true as const })
        : // Each buffer handed over is this export's own: text encoded here, or bytes read back
          // from a file (see ownBytes).
          Object.assign((text: string) => flow.gather(text), {
            bytes: async (chunk: Uint8Array) => {
              await flow.flush();
              await flow.sendBytes(ownBytes(chunk));
            },
          });
    const summary = await exportFromLedger(ledger, groupId, options, end, sink);
    await flow.flush();
    post({ kind: 'done', summary });
  } catch (err) {
    if (!flow.stopped) post({ kind: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  } finally {
    await backend?.close().catch(() => undefined);
    port.close();
  }
}

/**
 * Bytes of each buffer a worker fills and hands over when they come back (see ExportRequest.reuse):
 * IN_FLIGHT_CHARS ahead, about nine of them are out at once.
 */
const REUSED_BUFFER = 1 << 20;

/**
 * Characters of text gathered before they are posted, where the sink does not take buffers back:
 * an export writes its text in pieces of some tens of kB (a json's few entries at a time), each of
 * which was a message of its own.
 */
const GATHER_CHARS = 1 << 20;

/**
 * The text posted to the main thread, at most IN_FLIGHT_CHARS ahead of what it wrote, until it
 * says stop. Text is posted in pieces of about a megabyte, however it comes: gathered, or encoded
 * into a buffer of the pool that is handed over once full; `flush` posts what is left of it.
 */
class Flow {
  stopped = false;
  private ahead = 0;
  private resume: (() => void) | undefined;
  /** Buffers the main thread handed back once written, to be filled again (see ExportRequest.reuse). */
  private readonly pool: ArrayBuffer[] = [];
  /** The buffer being filled with text (its first `filled` bytes), not yet handed over. */
  private filling: Uint8Array | undefined;
  private filled = 0;
  /** Text gathered and not yet posted (see gather). */
  private gathered: string[] = [];
  private gatheredChars = 0;

  /** `bytes`: gathered text is posted encoded, in a buffer of its own (see ExportRequest.bytes), else as a string. */
  constructor(
    private readonly port: MessagePort,
    private readonly bytes: boolean,
  ) {
    port.on('message', (reply: ExportReply) => {
      if (reply.kind === 'stop') this.stopped = true;
      else {
        this.ahead -= reply.size;
        if (reply.buffer) this.pool.push(reply.buffer);
      }
      this.resume?.();
    });
  }

  /**
   * `text` as UTF-8 in buffers of the pool (new ones while it has none), after the text before it,
   * each handed over once full.
   */
  async sendText(text: string): Promise<void> {
    let rest = text;
    while (rest.length > 0) {
      this.filling ??= this.buffer();
      const { read, written } = utf8Encoder.encodeInto(rest, this.filling.subarray(this.filled));
      this.filled += written;
      if (read === rest.length) return;
      rest = rest.slice(read);
      // Full, or too full for the next character.
      await this.flush();
    }
  }

  /** `text` gathered with the text before it, the whole posted once GATHER_CHARS or more. */
  async gather(text: string): Promise<void> {
    this.gathered.push(text);
    this.gatheredChars += text.length;
    if (this.gatheredChars >= GATHER_CHARS) await this.flush();
  }

  /** Posts the text not posted yet (gathered, or in the buffer being filled). */
  async flush(): Promise<void> {
    if (this.filling && this.filled > 0) {
      const filled = this.filling.subarray(0, this.filled);
      this.filling = undefined;
      this.filled = 0;
      await this.sendBytes(filled);
    }
    if (this.gatheredChars > 0) {
      const text = this.gathered.join('');
      this.gathered = [];
      this.gatheredChars = 0;
      await (this.bytes ? this.sendBytes(utf8Bytes(text)) : this.send(text));
    }
  }

  /** `chunk` copied into buffers of the pool, each handed over: `chunk` itself is free again when this resolves. */
  async sendCopy(chunk: Uint8Array): Promise<void> {
    await this.flush();
    let at = 0;
    do {
      const buffer = this.buffer();
      const size = Math.min(buffer.byteLength, chunk.byteLength - at);
      buffer.set(chunk.subarray(at, at + size));
      await this.sendBytes(buffer.subarray(0, size));
      at += size;
    } while (at < chunk.byteLength);
  }

  /** A buffer to fill: one handed back, else a new one of REUSED_BUFFER bytes. */
  private buffer(): Uint8Array {
    const handedBack = this.pool.pop();
    return handedBack ? new Uint8Array(handedBack) : new Uint8Array(REUSED_BUFFER);
  }

  send(text: string): Promise<void> {
    this.check();
    this.port.postMessage({ kind: 'text', text } satisfies ExportMessage);
    return this.posted(text.length);
  }

  /** `bytes` fills a buffer of its own, which is handed over, not copied. */
  sendBytes(bytes: Uint8Array): Promise<void> {
    this.check();
    this.port.postMessage({ kind: 'bytes', bytes } satisfies ExportMessage, [bytes.buffer as ArrayBuffer]);
    return this.posted(bytes.byteLength);
  }

  /** Waits while too far ahead of what the main thread wrote. */
  private async posted(size: number): Promise<void> {
    this.ahead += size;
    while (this.ahead > IN_FLIGHT_CHARS && !this.stopped) await new Promise<void>((resolve) => (this.resume = resolve));
    this.resume = undefined;
    this.check();
  }

  /** Throws once told to stop: the export unwinds (its temporary files removed) and the thread ends. */
  check(): void {
    if (this.stopped) throw new Error('the export was stopped');
  }
}

/** `backend` read a page at a time until the flow is stopped: a pass stops at its next page. */
function stoppable(backend: LedgerBackend, flow: Flow): LedgerBackend {
  return {
    ...backend,
    readPage: async (groupId, after, end, limit) => {
      flow.check();
      return backend.readPage(groupId, after, end, limit);
    },
  };
}

const request = workerData as ExportRequest | undefined;
if (parentPort && request?.tag === EXPORT_WORKER_TAG) void run(parentPort, request);
