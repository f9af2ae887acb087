/**
 * Child process for the kill -9 flood test: the core as `npm start` wires it (createCore, SQLite
 * store and ledger, spool, signing key) in folder `dir`, `count` rumors flooded into group `group`
 * through the moderator, 50 in flight, as a chat delivers them; prints "ack <type>:<id>" once each
 * record is acknowledged (on disk in the spool): an incident by its recordId, an outcome by its
 * incident's.
 * Usage: node --import tsx test/ledger/floodModerator.ts <dir> <group> <count>
 */
import path from 'node:path';
import { createLogger } from '../../src/lib/logger.js';
import { createCore } from '../../src/moderation/createCore.js';
import { instantPort } from '../../src/moderation/instantPort.js';
import { ALL_ACTIONS, DEBUNKS, DEFAULT_RULES, TEXT } from '../engine/harness.js';

const [dir, group, count] = process.argv.slice(2) as [string, string, string];
const created = await createCore({
  debunks: DEBUNKS,
  rules: DEFAULT_RULES,
  storeUrl: `sqlite://${path.join(dir, 'store.sqlite')}`,
  spoolFile: path.join(dir, 'spool.jsonl'),
  signing: { keyFile: path.join(dir, 'key.pem'), checkpointFile: path.join(dir, 'checkpoints.json') },
  log: createLogger({ level: 'warn', secrets: [], destination: process.stderr }),
});
if (!created.ok) throw new Error(created.error);
const { engine, moderator, recorder } = created.core;
// Every record the moderator hands over (incidents and their outcomes) is told the parent once acknowledged.
const record = recorder.record.bind(recorder);
recorder.record = async (r) => {
  const outcome = await record(r);
  process.stdout.write(`ack ${r.type === 'outcome' ? `outcome:${r.incidentId}` : `${r.type}:${r.recordId}`}\n`);
  return outcome;
};
const configured = await engine.configure(group, { enabledActions: [...ALL_ACTIONS] });
if (!configured.ok) throw new Error(configured.problems.join('; '));

// A platform that answers at once: every action's outcome is recorded too, as in a real flood.
const port = instantPort;
const rumors = [TEXT.fiveG, TEXT.garlic, TEXT.mosquito, TEXT.whatsapp, TEXT.gates];
let next = 0;
await Promise.all(
  Array.from({ length: 50 }, async () => {
    while (next < Number(count)) {
      const n = next++;
      await moderator.onMessage(
        {
        platform: 'telegram',
        groupId: group,
        messageId: String(n + 1),
        member: { id: `m${n % 40}`, name: 'Member' },
        text: rumors[n % rumors.length]!,
        sentAt: Date.now(),
        },
        port,
      );
    }
  }),
);
await created.core.close();
