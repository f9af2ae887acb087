import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { checkDebunkFile } from './checkDebunkFile.js';
import { checkSteps, type FileRead } from './checkDebunkFiles.js';
import { debunkFileReads } from './readDebunkFiles.js';
import { CHECK_WORKER_TAG, MESSAGE_ITEMS, type CheckRequest, type CheckMessage } from './checkDebunksProtocol.js';

/**
 * The worker thread that reads, parses and validates a debunk folder for checkDebunksInWorker,
 * so the bot's own thread goes on handling every group's messages meanwhile. Each file's valid
 * entries are posted as soon as it is checked, a thousand a message as JSON (the main
 * thread parses each in a turn of its own: none holds it up for long), then the problems, then
 * the files (see MESSAGE_ITEMS). Nothing of a file is kept once posted: the worker's memory is
 * one file's parse.
 */
function run(request: CheckRequest, post: (message: CheckMessage) => void): void {
  const { files } = request;
  const reads: Iterable<FileRead> = 'reads' in files ? files.reads : debunkFileReads(files.realFolder, files.folder, files.names);
  const postJson = (kind: 'debunks' | 'problems' | 'ids', items: readonly unknown[]) => {
    for (let i = 0; i < items.length; i += MESSAGE_ITEMS) post({ kind, json: JSON.stringify(items.slice(i, i + MESSAGE_ITEMS)) });
  };
  const steps = checkSteps(reads);
  for (;;) {
    const step = steps.next();
    if (step.done) {
      const { problems, files: shown } = step.value;
      postJson('problems', problems);
      if (request.idSites && problems.length === 0) {
        for (const read of reads) if ('text' in read) postJson('ids', checkDebunkFile(read.file, read.text).ids.map((site) => [site.id, `${site.file}:${site.line}`]));
      }
      post({ kind: 'done', files: shown });
      return;
    }
    postJson('debunks', step.value);
  }
}

const request = workerData as CheckRequest | undefined;
if (parentPort && request?.tag === CHECK_WORKER_TAG) {
  const port = parentPort;
  lowerPriority();
  try {
    run(request, (message) => port.postMessage(message));
  } catch (err) {
    port.postMessage({ kind: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies CheckMessage);
  }
}

/**
 * A reload is background work: where the cores are all busy, the thread handling the groups'
 * messages comes first. On Linux the nice value belongs to a thread (setpriority of "process" 0
 * is the calling thread), so this lowers the worker alone; elsewhere it would lower the whole
 * process, and is not done.
 */
function lowerPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(10);
  } catch {
    // Not allowed here: the worker runs at the process's priority.
  }
}
