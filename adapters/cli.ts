#!/usr/bin/env node
import { Command } from 'commander';
import { config as loadDotenv } from 'dotenv';
import { buildProgram } from '../src/cli/program.js';
import { debugWanted, reportFailure } from '../src/cli/reportFailure.js';

// The entry point lives outside src/ because `start` wires up the chat adapters, and src/ stays
// platform-free. It is also the `rumorguard` bin, compiled to dist/cli.js (scripts/build.ts), so
// it imports only what every command needs; each command loads its own modules when it runs.
// dotenv 18 prints a line on every load unless told to be quiet.
loadDotenv({ quiet: true });
// Stacks of the compiled bin then name the TypeScript lines (of modules loaded from here on).
if (debugWanted()) process.setSourceMapsEnabled(true);

const startCommand = new Command('start')
  .description('run the bot: the platforms whose tokens are set, or the local playground')
  .action(async () => {
    const { readEnv } = await import('../src/config/env.js');
    const env = readEnv();
    if (!env.ok) {
      process.stderr.write(`Invalid setting in the environment or .env: ${env.error}\n`);
      process.exitCode = 2;
      return;
    }
    const { start } = await loadStart();
    const code = await start(env.env, { input: process.stdin, output: process.stdout, errors: process.stderr });
    // `start` has stopped the bots, sent what was queued and closed the store. Exit now: a bot that
    // failed to start may have left the other platform's bot running, and discord.js's
    // ShardingManager keeps handles open after its shards are gone.
    process.exit(code);
  });

/**
 * adapters/start.ts, always from the TypeScript sources: discord.js's ShardingManager starts each
 * shard as `adapters/cli.ts` through tsx, found next to adapters/discord/runDiscord.ts, which only
 * works when that module runs from the source tree. Under tsx (`npm start`, a shard) the import is
 * plain; the compiled bin brings in tsx for it. `start` runs for hours, so tsx's moment at startup
 * does not matter.
 */
async function loadStart(): Promise<typeof import('./start.js')> {
  // From adapters/cli.ts and from dist/cli.js alike this is adapters/start.ts.
  const source = new URL('../adapters/start.ts', import.meta.url).href;
  if (import.meta.url.endsWith('.ts')) return (await import(source)) as typeof import('./start.js');
  const { tsImport } = await import('tsx/esm/api');
  return (await tsImport(source, import.meta.url)) as typeof import('./start.js');
}

try {
  const program = await buildProgram(process.argv.slice(2), [startCommand]);
  await program.parseAsync(process.argv);
} catch (error) {
  const report = reportFailure(error);
  process.stderr.write(report.text);
  process.exitCode = report.exitCode;
  // A driver that failed half-way may keep a socket or timer alive; a failed command must end.
  setTimeout(() => process.exit(), 2_000).unref();
}
