import { stat } from 'node:fs/promises';

/** How often a SQLite store's file is looked at while the bot runs. */
export const STORE_FILE_CHECK_MS = 15_000;
/** How often the operator is told again while the file stays gone. */
const TELL_AGAIN_MS = 10 * 60_000;

/**
 * Watches the file a SQLite store was opened from: deleted or replaced under the running bot, the
 * open connection keeps writing to the old file, which nobody can open again, and the next start
 * finds an empty store (strikes, settings and the ledger gone without a word). `onLost` is told
 * at once, and again every ten minutes while it lasts, in words for the operator's log.
 */
export async function watchStoreFile(file: string, onLost: (why: string) => void, everyMs = STORE_FILE_CHECK_MS): Promise<{ stop(): void }> {
  const opened = await stat(file).catch(() => undefined);
  if (!opened) return { stop: () => undefined };
  let toldAt = Number.NEGATIVE_INFINITY;
  let checking = false;
  const check = async () => {
    if (checking) return;
    checking = true;
    try {
      const now = await stat(file).catch(() => undefined);
      const why = !now ? 'was deleted' : now.ino !== opened.ino || now.dev !== opened.dev ? 'was replaced by another file' : undefined;
      if (!why) {
        toldAt = Number.NEGATIVE_INFINITY;
        return;
      }
      if (Date.now() - toldAt < TELL_AGAIN_MS) return;
      toldAt = Date.now();
      onLost(
        `store: ${file} ${why} while the bot runs: what it writes now (strikes, settings, the ledger) goes to a file nobody can open again, and the next start would find an empty store. Stop the bot and put the file back (the data is still in the deleted file while the bot holds it open).`,
      );
    } finally {
      checking = false;
    }
  };
  const timer = setInterval(() => void check(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
