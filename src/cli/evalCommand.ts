import { resolve } from 'node:path';
import { Command } from 'commander';
import { formatTable, toJsonReport } from '../eval/formatReport.js';
import { runEval } from '../eval/runEval.js';
import { formatProblem } from '../eval/types.js';
import { MATCHER_DEFAULTS, createMatcher } from '../matching/matcher.js';
import { packageRoot } from './packageRoot.js';

/** The shared evaluation data sits next to the repository: `<repo>/../shared/eval`. */
export const DEFAULT_EVAL_DIR = resolve(packageRoot(), '../shared/eval');

/** `eval [--data DIR] [--json]`: scores the matcher on every evaluation set under DIR. */
export function evalCommand(): Command {
  return new Command('eval')
    .description('score the matcher on the evaluation sets (MAP@1, MAP@5, Recall@5, false-act rate)')
    .option('--data <dir>', 'folder whose sub-folders are evaluation sets', DEFAULT_EVAL_DIR)
    .option('--json', 'print one JSON object with the results and nothing else on stdout', false)
    .action((options: { data: string; json: boolean }) => {
      const dataDir = resolve(options.data);
      const report = runEval({
        dataDir,
        createMatcher: (debunks) => createMatcher(debunks),
        actThreshold: MATCHER_DEFAULTS.actThreshold,
        onProgress: (message) => process.stderr.write(`${message}\n`),
      });
      for (const problem of report.problems) process.stderr.write(`skipped ${formatProblem(problem)}\n`);
      if (report.datasets.length === 0) {
        const message = `No evaluation data in ${dataDir} (expected sub-folders laid out like clef2020-en/ or checked-zh/); nothing to evaluate.`;
        if (options.json) {
          process.stderr.write(`${message}\n`);
          process.stdout.write(`${JSON.stringify(toJsonReport(report))}\n`);
        } else {
          process.stdout.write(`${message}\n`);
        }
        return;
      }
      if (options.json) {
        process.stdout.write(`${JSON.stringify(toJsonReport(report))}\n`);
      } else {
        const skipped = report.problems.length > 0 ? `\n\n${report.problems.length} line(s) skipped, listed on stderr.` : '';
        process.stdout.write(`${formatTable(report)}${skipped}\n`);
      }
    });
}
