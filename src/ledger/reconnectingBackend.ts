import type { OpenedLedgerBackend } from './backends/openLedgerBackend.js';
import type { LedgerBackend } from './ledgerBackend.js';

/**
 * A ledger backend that survives its server going away: any failed call drops the connection,
 * and the next call opens a new one. Clients that gave up on a dead server (no endless
 * reconnect loops, so calls fail fast) come back this way once the server is up again.
 */
export function reconnectingBackend(open: () => Promise<OpenedLedgerBackend>): LedgerBackend & { close(): Promise<void> } {
  let current: Promise<OpenedLedgerBackend> | undefined;

  const drop = (failed: Promise<OpenedLedgerBackend>) => {
    if (current !== failed) return;
    current = undefined;
    void failed.then((o) => o.close()).catch(() => undefined);
  };

  async function call<T>(use: (b: LedgerBackend) => Promise<T>): Promise<T> {
    const opening = (current ??= open());
    try {
      return await use((await opening).backend);
    } catch (err) {
      drop(opening);
      throw err;
    }
  }

  return {
    head: (g) => call((b) => b.head(g)),
    tryAppend: (g, e, t) => call((b) => b.tryAppend(g, e, t)),
    tail: (g, n) => call((b) => b.tail(g, n)),
    read: (g) => call((b) => b.read(g)),
    readChain: (g) => call((b) => b.readChain(g)),
    chainEnd: (g) => call((b) => b.chainEnd(g)),
    readPage: (g, after, end, limit) => call((b) => b.readPage(g, after, end, limit)),
    groups: () => call((b) => b.groups()),
    texts: (g, hashes, now) => call((b) => b.texts(g, hashes, now)),
    purgeTexts: (now) => call((b) => b.purgeTexts(now)),
    readerSource: () => call(async (b) => b.readerSource?.()),
    async close() {
      const opened = current;
      current = undefined;
      if (opened) await (await opened.catch(() => undefined))?.close();
    },
  };
}
