import { Presets, SingleBar } from 'cli-progress';

/** Progress through the file by bytes; shown on stderr only, and only on a terminal. */
export interface ScanProgress {
  update(bytesRead: number): void;
  /** Writes a line above the bar (a skipped line), so the bar does not garble it. */
  log(text: string): void;
  stop(): void;
}

export function scanProgress(totalBytes: number, stream: NodeJS.WriteStream = process.stderr): ScanProgress {
  if (!stream.isTTY) {
    return { update: () => {}, log: (text) => stream.write(`${text}\n`), stop: () => {} };
  }
  const bar = new SingleBar(
    {
      stream,
      format: 'scanning [{bar}] {percentage}% | {entries} read',
      clearOnComplete: true,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  let entries = 0;
  bar.start(Math.max(totalBytes, 1), 0, { entries });
  return {
    update: (bytesRead) => {
      entries += 1;
      // Redrawing on every entry would cost more than the scan on a fast terminal.
      if (entries % 50 === 0) bar.update(Math.min(bytesRead, totalBytes), { entries });
    },
    log: (text) => {
      stream.write(`\r\x1b[K${text}\n`);
      bar.render();
    },
    stop: () => {
      bar.update(totalBytes, { entries });
      bar.stop();
    },
  };
}
