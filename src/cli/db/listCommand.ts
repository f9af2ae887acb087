import { Command } from 'commander';
import type { Debunk } from '../../debunks/schema.js';
import { chosenFolder, dirOption, loadOrReport, pathArgument } from './databaseFolder.js';
import { formatDebunkTable, isExpired } from './formatDebunkTable.js';

interface ListOptions {
  dir?: string;
  json: boolean;
  tag?: string;
  lang?: string;
}

/** `db list [path] [--json] [--tag T] [--lang L]`: the entries of the folder (or one file), as a table or one JSON array. */
export function listCommand(): Command {
  return new Command('list')
    .description('list the debunks in the folder, or in the one file given')
    .addArgument(pathArgument())
    .addOption(dirOption(true))
    .option('--json', 'print one JSON array of the entries', false)
    .option('--tag <tag>', 'only entries with this tag')
    .option('--lang <lang>', 'only entries in this language ("zh" includes "zh-Hant")')
    .action(async (target: string | undefined, options: ListOptions) => {
      const debunks = await loadOrReport(chosenFolder(target, options.dir));
      if (debunks === undefined) return;
      const shown = debunks.filter((d) => hasTag(d, options.tag) && inLanguage(d, options.lang));
      if (options.json) {
        process.stdout.write(`${JSON.stringify(shown)}\n`);
        return;
      }
      if (shown.length === 0) {
        process.stdout.write(`No debunks${debunks.length > 0 ? ' match' : ' in the folder'}.\n`);
        return;
      }
      const today = new Date().toISOString().slice(0, 10);
      const expired = shown.filter((d) => isExpired(d, today)).length;
      const total = `${shown.length} debunk${shown.length === 1 ? '' : 's'}${expired > 0 ? `, ${expired} expired` : ''}`;
      process.stdout.write(`${formatDebunkTable(shown, today)}\n\n${total}\n`);
    });
}

function hasTag(d: Debunk, tag: string | undefined): boolean {
  return tag === undefined || d.tags.some((t) => t.toLowerCase() === tag.toLowerCase());
}

function inLanguage(d: Debunk, lang: string | undefined): boolean {
  if (lang === undefined) return true;
  const wanted = lang.toLowerCase();
  const own = d.lang.toLowerCase();
  return own === wanted || own.startsWith(`${wanted}-`);
}
