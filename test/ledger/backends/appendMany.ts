/**
 * A writer process for the two-process tests:
 *   node --import tsx appendMany.ts <url> <options JSON> <group> <writer> <count>
 * Opens the ledger, prints `ready`, waits for a line on stdin (so both writers start together),
 * then appends <count> incidents one after another and prints `ack <writer> <i> <seq>` for each
 * append the backend acknowledged: the first half, then `half`, then (after another line on stdin,
 * sent once both writers are halfway) the rest, so the two interleave however a loaded machine
 * schedules them.
 */
import { openLedgerBackend, type OpenLedgerOptions } from '../../../src/ledger/backends/openLedgerBackend.js';
import { Ledger } from '../../../src/ledger/ledger.js';
import { incident } from '../fixtures.js';
import { nextLineFromTest } from '../../phasedChild.js';

const [url, optionsJson, groupId, writer, countText] = process.argv.slice(2);
if (!url || !optionsJson || !groupId || !writer || !countText) throw new Error('usage: appendMany.ts <url> <options JSON> <group> <writer> <count>');

const opened = await openLedgerBackend(url, JSON.parse(optionsJson) as OpenLedgerOptions);
try {
  const ledger = new Ledger(opened.backend);
  process.stdout.write('ready\n');
  await nextLineFromTest();
  const count = Number(countText);
  const half = Math.ceil(count / 2);
  for (let i = 0; i < count; i++) {
    if (i === half) {
      process.stdout.write('half\n');
      await nextLineFromTest();
    }
    const entry = await ledger.append(incident({ groupId, messageId: `${writer}-${i}` }));
    process.stdout.write(`ack ${writer} ${i} ${entry.seq}\n`);
  }
} finally {
  await opened.close();
}
