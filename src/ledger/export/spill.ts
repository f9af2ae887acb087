import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TextSink } from './textSink.js';

/** Characters a spill keeps in memory before it moves to a file (8 to 16 MB). */
export const SPILL_IN_MEMORY = 8_000_000;
/** Bytes read back from the file at a time. */
const READ_CHUNK = 1 << 20;

/**
 * Bytes of each of the two buffers a spill file is written from (one filled while the other is
 * written): 1 MB writes, and no string of a page's text ever made to write it.
 */
export const SPILL_BUFFER = 1 << 20;

/**
 * Text an export has written but cannot send yet (the incident table of a report, whose figures
 * at the top are known only once the whole chain was read): kept in memory while small, else in a
 * file of its own in the system's temporary folder, written as it comes (one write under way at a
 * time, while the export works on). `drainTo` sends it on in order; `discard` drops it. Either
 * removes the file.
 *
 * Text goes to the file encoded into two buffers of SPILL_BUFFER bytes taken in turns, a piece
 * (a row) at a time: a page's text joined into one string was copied into fresh memory to be
 * flattened and encoded again for each write (1.4 ms per 1,000 CSV rows, against 0.2), about 3 s of
 * a CSV export of 2M entries.
 */
export class Spill {
  private chunks: (string | readonly string[])[] = [];
  private size = 0;
  private file: { dir: string; path: string; handle: FileHandle } | undefined;
  /** The write under way; its failure is kept for the next add or the drain. */
  private writing: Promise<void> = Promise.resolve();
  private failed: unknown;
  /** The buffer being filled (its first `filled` bytes), and the other one, written or being written. */
  private filling: Buffer | undefined;
  private spare: Buffer | undefined;
  private filled = 0;

  /**
   * `inMemory`: characters kept in memory before the rest goes to a file; `bufferBytes`: the size
   * of each of the file's two buffers (at least 16).
   */
  constructor(
    private readonly inMemory = SPILL_IN_MEMORY,
    private readonly bufferBytes = SPILL_BUFFER,
  ) {}

  /** Adds `chunk`: one text, or its pieces in order (rows), which go to the file without being joined. */
  async add(chunk: string | readonly string[]): Promise<void> {
    const length = typeof chunk === 'string' ? chunk.length : chunk.reduce((n, piece) => n + piece.length, 0);
    if (length === 0) return;
    if (!this.file) {
      this.chunks.push(chunk);
      this.size += length;
      if (this.size < this.inMemory) return;
      const dir = await mkdtemp(path.join(tmpdir(), 'rumorguard-export-'));
      const file = path.join(dir, 'part');
      try {
        this.file = { dir, path: file, handle: await open(file, 'w') };
      } catch (error) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
      // What was kept so far goes to the file a chunk at a time as it came, each write waited
      // for: joined into one string of 8 MB, it was encoded in one piece and held up the event
      // loop for about 90 ms.
      const kept = this.chunks;
      this.chunks = [];
      for (const earlier of kept) await this.put(earlier);
      return;
    }
    await this.put(chunk);
  }

  /** Encodes `chunk` into the buffer being filled, writing it out each time it is full. */
  private async put(chunk: string | readonly string[]): Promise<void> {
    for (const piece of typeof chunk === 'string' ? [chunk] : chunk) {
      // At most 3 bytes a UTF-16 code unit: a piece that surely fits is encoded as it is.
      if (this.filling === undefined || piece.length * 3 > this.bufferBytes - this.filled) {
        await this.flush();
        // Longer than a whole buffer could surely hold (rare: a piece is a row): written as it is.
        if (piece.length * 3 > this.bufferBytes) {
          await this.write(piece);
          continue;
        }
        this.filling ??= Buffer.allocUnsafeSlow(this.bufferBytes);
      }
      // As a FileHandle writes a string: UTF-8, a lone surrogate as U+FFFD.
      this.filled += this.filling.write(piece, this.filled, 'utf8');
    }
  }

  /** Starts writing the bytes filled so far; the other buffer is filled meanwhile. */
  private async flush(): Promise<void> {
    if (this.filled === 0) return;
    const full = this.filling!;
    // Starts once the write under way (from the other buffer) is done, which frees that one.
    await this.write(full.subarray(0, this.filled));
    this.filling = this.spare;
    this.spare = full;
    this.filled = 0;
  }

  /** Starts writing `chunk` to the file once the write under way is done. */
  private async write(chunk: string | Uint8Array): Promise<void> {
    await this.writing;
    if (this.failed) throw this.failed;
    const handle = this.file!.handle;
    this.writing = (typeof chunk === 'string' ? handle.write(chunk) : handle.write(chunk)).then(
      () => undefined,
      (error: unknown) => void (this.failed = error),
    );
  }

  /** Sends everything added to `sink`, in order, and lets go of it. */
  async drainTo(sink: TextSink): Promise<void> {
    const file = this.file;
    if (!file) {
      const chunks = this.chunks;
      this.chunks = [];
      for (const chunk of chunks) await sink(typeof chunk === 'string' ? chunk : chunk.join(''));
      return;
    }
    try {
      await this.flush();
      await this.writing;
      if (this.failed) throw this.failed;
      await file.handle.close();
      const bytes = sink.bytes?.bind(sink);
      // The file's bytes as they are where the sink takes bytes (they were encoded from the text
      // added, and decoding and encoding them again gives the same), read into one buffer again and
      // again where the sink is done with them once written (TextSink.bytesDone), else into a new
      // buffer each time; else as UTF-8 text: a character cut between two reads is put back together.
      if (bytes && sink.bytesDone) await readInto(file.path, bytes);
      else if (bytes) for await (const chunk of createReadStream(file.path, { highWaterMark: READ_CHUNK })) await bytes(chunk as Buffer);
      else for await (const chunk of createReadStream(file.path, { encoding: 'utf8', highWaterMark: READ_CHUNK })) await sink(chunk as string);
    } finally {
      await this.discard();
    }
  }

  /** Drops everything added (and the file). */
  async discard(): Promise<void> {
    this.chunks = [];
    this.filled = 0;
    this.filling = this.spare = undefined;
    const file = this.file;
    if (!file) return;
    this.file = undefined;
    await this.writing;
    await file.handle.close().catch(() => undefined);
    await rm(file.dir, { recursive: true, force: true });
  }
}

/** Hands the file at `file` to `take` READ_CHUNK bytes at a time, all read into the same buffer. */
async function readInto(file: string, take: (chunk: Uint8Array) => Promise<void>): Promise<void> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafeSlow(READ_CHUNK);
    for (let read = await handle.read(buffer, 0, READ_CHUNK, null); read.bytesRead > 0; read = await handle.read(buffer, 0, READ_CHUNK, null)) {
      await take(buffer.subarray(0, read.bytesRead));
    }
  } finally {
    await handle.close();
  }
}
