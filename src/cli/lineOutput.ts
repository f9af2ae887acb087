import { once } from 'node:events';

/** Where a command prints a long run of lines (`check --batch`), see lineOutput. */
export interface LineOutput {
  /**
   * Writes `text`, waiting while the reader is behind (a million lines piped into a slow reader are
   * not held in memory); false once the reader went away (EPIPE: `… | head`), when printing more
   * is pointless.
   */
  write(text: string): Promise<boolean>;
  /** Stops listening to `out` (once the command is done with it). */
  release(): void;
}

/**
 * `out` for a command that prints line after line. A reader that went away is the end of the
 * output, not an "Unhandled 'error' event" with a stack; any other failure of `out` fails the
 * next write.
 */
export function lineOutput(out: NodeJS.WritableStream): LineOutput {
  let gone = false;
  let failure: Error | undefined;
  const onError = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') gone = true;
    else failure ??= error;
  };
  out.on('error', onError);
  return {
    async write(text) {
      if (failure) throw failure;
      if (gone) return false;
      if (!out.write(text)) {
        // 'close' too: a stream destroyed while full never drains.
        const ac = new AbortController();
        await Promise.race([once(out, 'drain', { signal: ac.signal }), once(out, 'close', { signal: ac.signal })]).catch(() => undefined);
        ac.abort();
      }
      if (failure) throw failure;
      return !gone;
    },
    release: () => {
      out.off('error', onError);
    },
  };
}
