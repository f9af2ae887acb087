/**
 * A bot process for the two-process test, serving one group on a shared store:
 *   node --import tsx serveGroup.ts <store url> <namespace> <name> <rumors> <settings> <reports>
 * Opens the store, prints `ready`, waits for a line on stdin (so both processes start together),
 * then does all of these at once, as a busy bot would:
 * - <rumors> rumors from member m-1, each printed as `strike <i> <strikes after>`: the first half,
 *   then `half`, then (after another line on stdin, once both processes are halfway) the rest, so
 *   the two processes' strikes interleave however the machine schedules them;
 * - <settings> `/rg exempt <name>-x<i>` commands, and `/rg enable warn` (a) or `mute` (b),
 *   each printed as `setting <i>` once answered OK;
 * - <reports> reports on message `reported`, each from its own member, printed as `report <i>`.
 */
import { runAdminCommand } from '../../src/commands/adminCommands.js';
import { FeedbackQueue } from '../../src/feedback/feedbackQueue.js';
import { openStore } from '../../src/store/openStore.js';
import { harness } from './harness.js';
import { nextLineFromTest } from '../phasedChild.js';

const [url, namespace, name, rumorsText, settingsText, reportsText] = process.argv.slice(2);
if (!url || !namespace || !name || !rumorsText || !settingsText || !reportsText) {
  throw new Error('usage: serveGroup.ts <store url> <namespace> <name> <rumors> <settings> <reports>');
}
const OWNER = { id: 'owner', name: 'Owner', isAdmin: true };
const range = (n: string) => Array.from({ length: Number(n) }, (_, i) => i);

const opened = await openStore(url, { namespace });
try {
  const h = harness({ store: opened.store });
  const feedback = new FeedbackQueue(opened.store);
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say('ready');
  await nextLineFromTest();
  const command = async (i: number, text: string) => {
    const r = await runAdminCommand(h.engine, 'g-1', OWNER, text);
    if (!r.ok) throw new Error(`${text}: ${r.reply}`);
    say(`setting ${i}`);
  };
  const rumor = async (i: number) => say(`strike ${i} ${(await h.post({ messageId: `${name}-${i}` })).strikes.after}`);
  const half = Math.ceil(Number(rumorsText) / 2);
  await Promise.all([
    (async () => {
      await Promise.all(range(rumorsText).slice(0, half).map(rumor));
      say('half');
      await nextLineFromTest();
      await Promise.all(range(rumorsText).slice(half).map(rumor));
    })(),
    ...range(settingsText).map((i) => command(i, `/rg exempt ${name}-x${i}`)),
    command(-1, `/rg enable ${name === 'a' ? 'warn' : 'mute'}`),
    ...range(reportsText).map(async (i) => {
      const r = await feedback.add({ kind: 'report', groupId: 'g-1', messageId: 'reported', by: { id: `${name}-r${i}`, name: 'R' }, note: '' });
      if (!r.ok) throw new Error(`report ${i}: ${r.error}`);
      say(`report ${i}`);
    }),
  ]);
} finally {
  await opened.close();
}
