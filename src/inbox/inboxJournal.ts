import { type FileHandle, open, readFile, rename, writeFile } from 'node:fs/promises';

/** Bytes the journal may grow to before it is emptied at a moment when nothing is open in it. */
const COMPACT_AT_BYTES = 4 * 1024 * 1024;

/**
 * The updates a chat adapter took in (answered its platform for) and has not handled yet, on disk:
 * a platform that was answered never sends them again, so without this a crash (`kill -9`, a power
 * cut of the process) between taking an update in and recording what became of it loses a rumor
 * the members saw, with no trace in the ledger. Each update is written (one write for all that
 * arrive together) before the platform is answered, and marked done once handled; at the next
 * start the ones never marked are handed back, to be handled then.
 *
 * One JSON object a line: `{"in": id, "item": …}` and `{"done": id}`. A damaged line (a write cut
 * by the crash) is skipped.
 */
export class InboxJournal {
  private queued: string[] = [];
  private flushing: Promise<void> | undefined;
  private readonly open = new Set<string>();
  private bytes = 0;

  private constructor(
    private readonly handle: FileHandle,
    private readonly file: string,
  ) {}

  /**
   * Opens the journal at `file` (made if missing): the items taken in and never marked done by the
   * run before, in the order they came, and the journal, holding only them.
   */
  static async open<T>(file: string): Promise<{ journal: InboxJournal; pending: T[] }> {
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    const pending = new Map<string, T>();
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      let parsed: { in?: unknown; item?: T; done?: unknown };
      try {
        parsed = JSON.parse(line) as typeof parsed;
      } catch {
        continue;
      }
      if (typeof parsed.in === 'string' && parsed.item !== undefined) pending.set(parsed.in, parsed.item);
      else if (typeof parsed.done === 'string') pending.delete(parsed.done);
    }
    // The run before is over: what it left open is written again, and the rest let go.
    const kept = [...pending].map(([id, item]) => `${JSON.stringify({ in: id, item })}\n`).join('');
    await writeFile(`${file}.tmp`, kept);
    await rename(`${file}.tmp`, file);
    const journal = new InboxJournal(await open(file, 'a'), file);
    journal.bytes = Buffer.byteLength(kept);
    for (const id of pending.keys()) journal.open.add(id);
    return { journal, pending: [...pending.values()] };
  }

  /** Writes `item` under `id`: resolves once it is in the file (with whatever came at the same time). */
  record(id: string, item: unknown): Promise<void> {
    this.open.add(id);
    return this.write(`${JSON.stringify({ in: id, item })}\n`);
  }

  /** Marks `id` handled: it is not handed back at the next start. Written with the next lines. */
  done(id: string): void {
    if (!this.open.delete(id)) return;
    void this.write(`${JSON.stringify({ done: id })}\n`).catch(() => undefined);
  }

  /** Writes what is queued and closes the file. */
  async close(): Promise<void> {
    await this.flushing?.catch(() => undefined);
    if (this.queued.length > 0) await this.write('').catch(() => undefined);
    await this.handle.close();
  }

  /** Items written and not marked done. */
  get waiting(): number {
    return this.open.size;
  }

  private write(line: string): Promise<void> {
    if (line !== '') this.queued.push(line);
    // One write at a time; lines that come meanwhile go together in the next.
    const previous = this.flushing ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(async () => {
      if (this.queued.length === 0) return;
      const text = this.queued.join('');
      this.queued = [];
      await this.handle.write(text);
      this.bytes += Buffer.byteLength(text);
      // Nothing open, and large: the file starts again empty (every line in it is settled).
      if (this.open.size === 0 && this.bytes > COMPACT_AT_BYTES) {
        await this.handle.truncate(0);
        this.bytes = 0;
      }
    });
    this.flushing = next;
    return next;
  }

  /** Where the journal is, for the log. */
  get path(): string {
    return this.file;
  }
}
