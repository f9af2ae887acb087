import { parentPort, workerData } from 'node:worker_threads';
import { checkSteps } from './checkDebunkFiles.js';
import { debunkFileReads } from './readDebunkFiles.js';
import { CHECK_WORKER_TAG, MESSAGE_ITEMS, type CheckRequest, type CheckMessage } from './checkDebunksProtocol.js';

/**
 * The worker thread that reads, parses and validates a debunk folder for checkDebunksInWorker,
 * so the bot's own thread goes on handling every group's messages meanwhile. Each file's valid
 * entries are posted as soon as it is checked, a few thousand a message (the main thread
 * takes each message in a turn of its own: none holds it up for long), then the problems, then
 * the files. Nothing of a file is kept once posted: the worker's memory is one file's parse.
 */
function run(request: CheckRequest, post: (message: CheckMessage) => void): void {
  const steps = checkSteps(debunkFileReads(request.realFolder, request.folder, request.names));
  for (;;) {
    const step = steps.next();
    if (step.done) {
      const { problems, files } = step.value;
      for (let i = 0; i < problems.length; i += MESSAGE_ITEMS) post({ kind: 'problems', problems: problems.slice(i, i + MESSAGE_ITEMS) });
      post({ kind: 'done', files });
      return;
    }
    const debunks = step.value;
    for (let i = 0; i < debunks.length; i += MESSAGE_ITEMS) post({ kind: 'debunks', debunks: debunks.slice(i, i + MESSAGE_ITEMS) });
  }
}

const request = workerData as CheckRequest | undefined;
if (parentPort && request?.tag === CHECK_WORKER_TAG) {
  const port = parentPort;
  try {
    run(request, (message) => port.postMessage(message));
  } catch (err) {
    port.postMessage({ kind: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies CheckMessage);
  }
}
