import { Command } from 'commander';
import { formatProblems } from '../../debunks/loadDebunks.js';
import { chosenFolder, dirOption, loadDatabase, pathArgument } from './databaseFolder.js';

/** `db validate [path] [--dir F]`: loads the folder (or one file); a summary and exit 0, or every problem and exit 1. */
export function validateCommand(): Command {
  return new Command('validate')
    .description('check every debunk file in the folder, or the one file given; print every problem with file, line, entry and field')
    .addArgument(pathArgument())
    .addOption(dirOption(true))
    .action(async (target: string | undefined, options: { dir?: string }) => {
      const result = await loadDatabase(chosenFolder(target, options.dir));
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
