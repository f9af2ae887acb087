import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { ChatlogEntry, ChatlogFormat, TextSource } from './chatlogEntry.js';
import { readJsonlLog } from './readJsonlLog.js';
import { readTelegramExport } from './readTelegramExport.js';
import { readTextLog } from './readTextLog.js';

/** A format, or `auto`: chosen by the file's extension. */
export type ChatlogFormatChoice = ChatlogFormat | 'auto';

const READERS: Record<ChatlogFormat, (chunks: TextSource) => AsyncGenerator<ChatlogEntry>> = {
  text: readTextLog,
  jsonl: readJsonlLog,
  telegram: readTelegramExport,
};

/** `.jsonl`/`.ndjson` → jsonl, `.json` → telegram (Telegram Desktop's result.json), else text. */
export function formatOf(file: string, choice: ChatlogFormatChoice = 'auto'): ChatlogFormat {
  if (choice !== 'auto') return choice;
  const ext = path.extname(file).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.json') return 'telegram';
  return 'text';
}

/** An opened chat history: its entries, streamed, and how far the reading has got. */
export interface OpenedChatlog {
  format: ChatlogFormat;
  /** File size in bytes. */
  size: number;
  entries: AsyncGenerator<ChatlogEntry>;
  /** Bytes read from the file so far (for a progress bar). */
  bytesRead(): number;
}

export type OpenResult = { ok: true; chatlog: OpenedChatlog } | { ok: false; error: string };

/**
 * Opens a chat history file for streaming. A missing file or a folder is a value, not an
 * exception, so the command can say so in one line.
 */
export async function openChatlog(file: string, choice: ChatlogFormatChoice = 'auto'): Promise<OpenResult> {
  let handle: FileHandle | undefined;
  let size: number;
  try {
    // Opened here, not by the stream, so an unreadable file is reported before reading starts.
    handle = await open(file, 'r');
    const info = await handle.stat();
    if (info.isDirectory()) {
      await handle.close();
      return { ok: false, error: 'is a folder, not a chat history file' };
    }
    size = info.size;
  } catch (err) {
    await handle?.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, error: 'file not found' };
    if (code === 'EISDIR') return { ok: false, error: 'is a folder, not a chat history file' };
    return { ok: false, error: `cannot read: ${(err as Error).message}` };
  }
  const format = formatOf(file, choice);
  const stream = handle.createReadStream({ encoding: 'utf8' });
  return {
    ok: true,
    chatlog: {
      format,
      size,
      entries: READERS[format](stream as AsyncIterable<string>),
      bytesRead: () => stream.bytesRead,
    },
  };
}
