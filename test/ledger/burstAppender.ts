/**
 * Child process for the kill -9 test: appends `count` incidents to group `group` through the
 * recorder (spool first, then the ledger) and prints "ack <n>" once each is acknowledged.
 * Usage: node --import tsx test/ledger/burstAppender.ts <storeUrl> <spoolFile> <group> <count> [<options json>]
 */
import { openLedgerBackend } from '../../src/ledger/backends/openLedgerBackend.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { Recorder } from '../../src/ledger/recorder.js';
import { Spool } from '../../src/ledger/spool.js';
import { incident } from './fixtures.js';

const [url, spoolFile, group, count, options] = process.argv.slice(2);
const opened = await openLedgerBackend(url!, options ? JSON.parse(options) : {});
const recorder = new Recorder(new Ledger(opened.backend), new Spool(spoolFile!));
for (let n = 1; n <= Number(count); n++) {
  await recorder.record(incident({ groupId: group!, messageId: String(n) }));
  process.stdout.write(`ack ${n}\n`);
}
await opened.close();
