import { Command } from 'commander';
import { benchCommand } from './benchCommand.js';
import { benchLedgerCommand } from './benchLedgerCommand.js';
import { checkCommand } from './check.js';
import { dbCommand } from './db/index.js';
import { evalCommand } from './evalCommand.js';
import { ledgerCommand } from './ledger/index.js';
import { scanCommand } from './scan/scanCommand.js';

/**
 * The `rumorguard` command line, without `start`: the platform-free commands live here, and the
 * entry point (adapters/cli.ts) adds `start`, which needs the chat adapters.
 */
export function buildProgram(): Command {
  return new Command('rumorguard')
    .description('Group-chat rumor moderation: match messages against refuted rumors, keep the ledger, measure the matcher.')
    .addCommand(evalCommand())
    .addCommand(benchCommand())
    .addCommand(benchLedgerCommand())
    .addCommand(checkCommand())
    .addCommand(scanCommand())
    .addCommand(dbCommand())
    .addCommand(ledgerCommand());
}
