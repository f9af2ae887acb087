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
 * Text an export has written but cannot send yet (the incident table of a report, whose figures
 * at the top are known only once the whole chain was read): kept in memory while small, else in a
 * file of its own in the system's temporary folder, written as it comes (one write under way at a
 * time, while the export works on). `drainTo` sends it on in order; `discard` drops it. Either
 * removes the file.
 */
export class Spill {
  private chunks: string[] = [];
  private size = 0;
  private file: { dir: string; path: string; handle: FileHandle } | undefined;
  /** The write under way; its failure is kept for the next add or the drain. */
  private writing: Promise<void> = Promise.resolve();
  private failed: unknown;

  /** `inMemory`: characters kept in memory before the rest goes to a file. */
  constructor(private readonly inMemory = SPILL_IN_MEMORY) {}

  async add(chunk: string): Promise<void> {
    if (chunk.length === 0) return;
    if (!this.file) {
      this.chunks.push(chunk);
      this.size += chunk.length;
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
      for (const earlier of kept) await this.write(earlier);
      return;
    }
    await this.write(chunk);
  }

  /** Starts writing `chunk` to the file once the write under way is done. */
  private async write(chunk: string): Promise<void> {
    await this.writing;
    if (this.failed) throw this.failed;
    const handle = this.file!.handle;
    this.writing = handle.write(chunk).then(
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
      for (const chunk of chunks) await sink(chunk);
      return;
    }
    try {
      await this.writing;
      if (this.failed) throw this.failed;
      await file.handle.close();
      const bytes = sink.bytes?.bind(sink);
      // The file's bytes as they are where the sink takes bytes (they were encoded from the text
      // added, and decoding and encoding them again gives the same), else as UTF-8 text: a
      // character cut between two reads is put back together.
      if (bytes) for await (const chunk of createReadStream(file.path, { highWaterMark: READ_CHUNK })) await bytes(chunk as Buffer);
      else for await (const chunk of createReadStream(file.path, { encoding: 'utf8', highWaterMark: READ_CHUNK })) await sink(chunk as string);
    } finally {
      await this.discard();
    }
  }

  /** Drops everything added (and the file). */
  async discard(): Promise<void> {
    this.chunks = [];
    const file = this.file;
    if (!file) return;
    this.file = undefined;
    await this.writing;
    await file.handle.close().catch(() => undefined);
    await rm(file.dir, { recursive: true, force: true });
  }
}
