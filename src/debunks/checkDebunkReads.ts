import { checkDebunkFile } from './checkDebunkFile.js';
import { checkDebunkFiles, type FileRead } from './checkDebunkFiles.js';
import { checkReadsInWorker, WORKER_MIN_BYTES, type WorkerCheck } from './checkDebunksInWorker.js';

/**
 * checkDebunkFiles of files read already, for code that runs in the bot's process (the
 * dashboard's editor and import): in a worker thread when there is more than WORKER_MIN_BYTES of
 * text, so a save into a large database does not hold up every group's messages while the whole
 * folder is parsed; in this thread otherwise, or when no worker can start. With `idSites`, also
 * where each id is written (`file:line`), when the files load.
 */
export async function checkDebunkReads(reads: readonly FileRead[], options: { idSites?: boolean } = {}): Promise<WorkerCheck> {
  const size = reads.reduce((sum, read) => sum + ('text' in read ? read.text.length : 0), 0);
  if (size >= WORKER_MIN_BYTES) {
    const checked = await checkReadsInWorker(reads, options);
    if (checked) return checked;
  }
  const result = checkDebunkFiles(reads);
  const ids = new Map<string, string>();
  if (options.idSites && result.ok) {
    for (const read of reads) {
      if ('problem' in read) continue;
      for (const site of checkDebunkFile(read.file, read.text).ids) ids.set(site.id, `${site.file}:${site.line}`);
    }
  }
  return { result, ids };
}
