import { activeDebunks } from '../src/debunks/activeDebunks.js';
import { formatProblems, loadDebunks } from '../src/debunks/loadDebunks.js';
import type { Env } from '../src/config/env.js';
import { runPlayground } from './console/playground.js';

/**
 * `rumorguard start`: connects to the platforms whose tokens are set, or, with none, opens the
 * local playground on the example database. Returns the process exit code.
 */
export async function start(env: Env, io: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; errors: NodeJS.WritableStream }): Promise<number> {
  const loaded = await loadDebunks(env.DEBUNKS_DIR);
  if (!loaded.ok) {
    io.errors.write(`The debunk database has problems; fix them and start again:\n${formatProblems(loaded.problems)}\n`);
    return 1;
  }
  const debunks = activeDebunks(loaded.debunks);
  const platforms = [env.DISCORD_TOKEN && 'Discord', env.TELEGRAM_BOT_TOKEN && 'Telegram'].filter(Boolean);
  if (platforms.length > 0) {
    // The adapters land in their own issues; say so plainly instead of pretending to connect.
    io.errors.write(`${platforms.join(' and ')} token found, but this version has no ${platforms.join('/')} adapter yet; starting the local playground instead.\n`);
  }
  io.output.write(
    `RumorGuard playground: ${debunks.length} debunks from ${loaded.files.length} file(s) in ${env.DEBUNKS_DIR}.\n` +
      'To connect a real group, put DISCORD_TOKEN or TELEGRAM_BOT_TOKEN in .env (see .env.example).\n',
  );
  await runPlayground({ debunks, input: io.input, output: io.output });
  return 0;
}
