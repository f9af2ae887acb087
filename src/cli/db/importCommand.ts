import { Command, Option } from 'commander';
import { IMPORT_FORMAT_NAMES, type ImportFormat } from '../../debunks/import/importFormats.js';
import { importDebunks } from '../../debunks/import/importDebunks.js';
import { databaseFolder, dirOption } from './databaseFolder.js';

interface ImportOptions {
  dir?: string;
  format: ImportFormat;
  out?: string;
  lang?: string;
  dryRun: boolean;
}

/** `db import <file> --format csv|json|claimreview [--out F] [--lang L] [--dry-run]`. */
export function importCommand(): Command {
  return new Command('import')
    .description('convert a fact-check file into a new YAML file in the folder (numbered files of 10,000 entries for more), after checking every entry')
    .argument('<file>', 'the file to import')
    .addOption(new Option('--format <format>', 'what the file holds').choices(IMPORT_FORMAT_NAMES).makeOptionMandatory())
    .addOption(dirOption())
    .option('--out <file.yaml>', 'name of the new file in the folder (default: imported-<file name>.yaml)')
    .option('--lang <lang>', 'language of entries whose input gives none, e.g. "en" or "zh"')
    .option('--dry-run', 'check everything, write nothing', false)
    .action(async (file: string, options: ImportOptions) => {
      const outcome = await importDebunks({
        file,
        format: options.format,
        dir: databaseFolder(options.dir),
        dryRun: options.dryRun,
        ...(options.out !== undefined ? { out: options.out } : {}),
        ...(options.lang !== undefined ? { lang: options.lang } : {}),
      });
      if (!outcome.ok) {
        process.stderr.write(`${outcome.problems.join('\n')}\nNothing was imported.\n`);
        process.exitCode = 1;
        return;
      }
      const count = `${outcome.count} debunk${outcome.count === 1 ? '' : 's'}`;
      process.stdout.write(outcome.written ? `Imported ${count} into ${outcome.file}\n` : `Dry run: would import ${count} into ${outcome.file}; nothing written.\n`);
    });
}
