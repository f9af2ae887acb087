import type { TextSource } from './chatlogEntry.js';

/**
 * Splits text chunks (a file stream read with an encoding) into lines without holding more than
 * one chunk and one partial line: a log of any size streams. `\r\n` and a leading byte-order mark
 * are dropped, as Windows editors write them.
 */
export async function* splitLines(chunks: TextSource): AsyncGenerator<string> {
  let rest = '';
  let first = true;
  for await (const chunk of chunks) {
    let text = rest + chunk;
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    const parts = text.split('\n');
    rest = parts.pop() ?? '';
    for (const part of parts) yield dropCarriageReturn(part);
  }
  if (rest !== '') yield dropCarriageReturn(rest);
}

function dropCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
