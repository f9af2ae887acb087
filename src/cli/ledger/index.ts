import { Command } from 'commander';
import { exportCommand } from './exportCommand.js';
import { verifyCommand } from './verifyCommand.js';

/** `rumorguard ledger verify|export`. */
export function ledgerCommand(): Command {
  return new Command('ledger')
    .description("the tamper-evident record of incidents and admin actions")
    .addCommand(verifyCommand())
    .addCommand(exportCommand());
}
