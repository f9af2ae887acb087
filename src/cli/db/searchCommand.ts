import { Command, InvalidArgumentError } from 'commander';
import { databaseFolder, dirOption, loadOrReport } from './databaseFolder.js';
import { formatColumns } from './formatDebunkTable.js';
import { searchDebunks } from './searchDebunks.js';

interface SearchOptions {
  dir?: string;
  json: boolean;
  limit: number;
}

/** `db search "<text>" [--json] [--limit N]`: the entries most like the text, best first. */
export function searchCommand(): Command {
  return new Command('search')
    .description('find debunks by claim, variants, tags and refutation (fuzzy; not the matcher)')
    .argument('<text>', 'words of the rumor, in any spelling or script')
    .addOption(dirOption(true))
    .option('--json', 'print one JSON array of {"id","score","claim"}', false)
    .option('--limit <n>', 'at most this many results', positiveInteger, 10)
    .action(async (text: string, options: SearchOptions) => {
      const debunks = await loadOrReport(databaseFolder(options.dir));
      if (debunks === undefined) return;
      const hits = searchDebunks(debunks, text, options.limit);
      if (options.json) {
        process.stdout.write(`${JSON.stringify(hits.map((h) => ({ id: h.id, score: round(h.score), claim: h.claim })))}\n`);
        return;
      }
      if (hits.length === 0) {
        process.stdout.write(`No debunk matches "${text}".\n`);
        return;
      }
      const rows = hits.map((h) => [round(h.score).toFixed(3), h.id, h.claim.replace(/\s+/g, ' ')]);
      process.stdout.write(`${formatColumns([['SCORE', 'ID', 'CLAIM'], ...rows])}\n\nScore: 0 is a perfect match, 1 none at all.\n`);
    });
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
