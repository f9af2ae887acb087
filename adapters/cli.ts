import { config as loadDotenv } from 'dotenv';
import { readEnv } from '../src/config/env.js';
import { buildProgram } from '../src/cli/program.js';
import { start } from './start.js';

// The entry point lives outside src/ because `start` wires up the chat adapters, and src/ stays
// platform-free. dotenv 18 prints a line on every load unless told to be quiet.
loadDotenv({ quiet: true });

const program = buildProgram();
program
  .command('start')
  .description('run the bot: the platforms whose tokens are set, or the local playground')
  .action(async () => {
    const env = readEnv();
    if (!env.ok) {
      process.stderr.write(`Invalid setting in the environment or .env: ${env.error}\n`);
      process.exitCode = 2;
      return;
    }
    const code = await start(env.env, { input: process.stdin, output: process.stdout, errors: process.stderr });
    // `start` has stopped the bots, sent what was queued and closed the store. Exit now: a bot that
    // failed to start may have left the other platform's bot running, and discord.js's
    // ShardingManager keeps handles open after its shards are gone.
    process.exit(code);
  });

await program.parseAsync(process.argv);
