import { DIRECTION_CHARS } from './directionChars.js';

/**
 * Characters a terminal acts on rather than shows: C0 controls (ESC starts ANSI and OSC
 * sequences that move the cursor, erase lines or set the window title; CR and LF forge lines),
 * DEL, C1 controls (0x9B is a one-byte CSI), Unicode line and paragraph separators, and the
 * direction overrides and isolates that reorder what follows.
 */
const ACTIVE = new RegExp(`[\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029${DIRECTION_CHARS}]`, 'g');

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text from a file or a chat (member names, keys, messages) made safe to print to a terminal:
 * every active character written out as an escape (`\x1B`, `\n`, `\u202E`), so it shows what the
 * text holds and does nothing. Backslashes are left as they are.
 */
export function terminalText(text: string): string {
  return text.replace(ACTIVE, (c) => {
    const named = NAMED[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}
