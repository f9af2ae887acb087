import { Command } from 'commander';
import { formatProblems, loadDebunks } from '../../debunks/loadDebunks.js';
import { databaseFolder, dirOption } from './databaseFolder.js';

/** `db validate [--dir F]`: loads the folder; a summary and exit 0, or every problem and exit 1. */
export function validateCommand(): Command {
  return new Command('validate')
    .description('check every debunk file in the folder; print every problem with file, line, entry and field')
    .addOption(dirOption())
    .action(async (options: { dir?: string }) => {
      const result = await loadDebunks(databaseFolder(options.dir));
      if (!result.ok) {
        process.stderr.write(`${formatProblems(result.problems)}\n`);
        process.exitCode = 1;
        return;
      }
      const examples = result.debunks.filter((d) => d.example).length;
      const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
      process.stdout.write(
        `OK: ${counted(result.debunks.length, 'debunk')} in ${counted(result.files.length, 'file')} (${counted(examples, 'example')})\n`,
      );
    });
}
