import { Command } from 'commander';
import { importCommand } from './importCommand.js';
import { listCommand } from './listCommand.js';
import { searchCommand } from './searchCommand.js';
import { validateCommand } from './validateCommand.js';

/** `rumorguard db …`: check, browse, search and extend the debunk database. */
export function dbCommand(): Command {
  return new Command('db')
    .description('the debunk database: validate, list, search, import')
    .addCommand(validateCommand())
    .addCommand(listCommand())
    .addCommand(searchCommand())
    .addCommand(importCommand());
}
