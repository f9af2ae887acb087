import type { ChatlogEntry } from '../../chatlog/chatlogEntry.js';
import type { Engine } from '../../engine/engine.js';
import { ScanTally } from './scanTally.js';

/** The clock the scan's engine reads: set to each message's time before it is evaluated. */
export interface ScanClock {
  now: number;
}

export interface RunScanInput {
  entries: AsyncIterable<ChatlogEntry>;
  /** An engine built with `now: () => clock.now` on its own store. */
  engine: Engine;
  clock: ScanClock;
  /** Called for each skipped line as it is met (the command prints it at once). */
  onProblem?: (line: number, message: string) => void;
  /** Called after each entry (the progress bar). */
  onEntry?: () => void;
  /**
   * Reads the text of a message's picture (a path relative to the export), or says why not;
   * without it pictures are not read and messages with only a picture are passed over.
   */
  readPicture?: (picture: string) => Promise<{ ok: true; sha256: string; text: string } | { ok: false; why: string }>;
}

/** How the scan ended: with its tally, and whether the reader had to stop before the end. */
export interface ScanOutcome {
  tally: ScanTally;
  /** The file broke off or is not in the format: what came before it was still scanned. */
  stopped: boolean;
}

/**
 * Runs a chat history through one engine, message by message in file order, as if the group
 * were live: strikes accumulate and decay, and repeats within the window get pointers, on the
 * messages' own clock.
 */
export async function runScan({ entries, engine, clock, onProblem, onEntry, readPicture }: RunScanInput): Promise<ScanOutcome> {
  const tally = new ScanTally();
  let stopped = false;
  for await (const entry of entries) {
    if ('error' in entry) {
      tally.addProblem(entry.line, entry.error);
      onProblem?.(entry.line, entry.error);
      if (entry.fatal) stopped = true;
    } else {
      let message = entry.message;
      if (entry.picture !== undefined && readPicture) {
        const read = await readPicture(entry.picture);
        if (!read.ok) onProblem?.(entry.line, `picture ${entry.picture} not read: ${read.why}`);
        else if (read.text !== '') {
          const caption = message.text.trim();
          message = { ...message, text: [caption, read.text].filter((t) => t !== '').join('\n'), images: { sha256: [read.sha256], textStart: caption === '' ? 0 : caption.length + 1 } };
        }
      }
      if (message.text.trim() === '') {
        onEntry?.();
        continue;
      }
      clock.now = message.sentAt;
      try {
        tally.addDecision(message, await engine.evaluate(message));
      } catch (err) {
        // A bug met on one message is reported with its line; it does not end the scan.
        const message = `could not be evaluated: ${(err as Error).message}`;
        tally.addProblem(entry.line, message);
        onProblem?.(entry.line, message);
      }
    }
    onEntry?.();
  }
  return { tally, stopped };
}
