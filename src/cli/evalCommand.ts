import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { formatProblem as formatLoadProblem, loadDebunks } from '../debunks/loadDebunks.js';
import { crossValidate, fitVerifier } from '../eval/fitVerifier.js';
import { formatAnswerCurve, formatCrossValidation, formatCurve, formatTable, toJsonReport } from '../eval/formatReport.js';
import { runEval } from '../eval/runEval.js';
import { formatProblem, type EvalMiss } from '../eval/types.js';
import { createMatcher } from '../matching/matcher.js';
import { loadSettingsFile } from '../rules/loadSettings.js';
import { DEFAULT_RULES_FILE } from './loadEngine.js';
import { packageRoot } from './packageRoot.js';

/** The shared evaluation data sits next to the repository: `<repo>/../shared/eval`. */
export const DEFAULT_EVAL_DIR = resolve(packageRoot(), '../shared/eval');

/** Where `eval --fit` writes the verifier's weights: the file the matcher loads. */
export const VERIFIER_WEIGHTS_FILE = resolve(packageRoot(), 'src/matching/verifierWeights.json');

/**
 * `eval [--data DIR] [--rules FILE] [--curve] [--json]`: scores the matcher on every evaluation set
 * under DIR at the act threshold of the rules file.
 */
export function evalCommand(): Command {
  return new Command('eval')
    .description('score the matcher on the evaluation sets (MAP@1, MAP@5, Recall@5, act and false-act rates, chat stance)')
    .option('--data <dir>', 'folder whose sub-folders are evaluation sets (default: EVAL_DIR, else ../shared/eval)', process.env.EVAL_DIR || DEFAULT_EVAL_DIR)
    .option('--rules <file>', 'rules file whose thresholds.act is used', DEFAULT_RULES_FILE)
    .option('--curve', 'also print act-rate against false-act rate over a range of thresholds', false)
    .option('--json', 'print one JSON object with the results and nothing else on stdout', false)
    .option('--images', 'instead: render the image set (screenshot-like cards of rumors and pictures without any), read them with the OCR and score the decisions', false)
    .option('--fit', `fit the match verifier on the sets (dev splits held out) and write ${'src/matching/verifierWeights.json'}, instead of scoring`, false)
    .option('--misses <file>', 'also write what the bot got wrong, one JSON line per item (chat message misjudged, query not acted on with its gold claim, negative acted on), to FILE (- for stderr)')
    .option('--cv <folds>', 'instead: cross-validate the verifier on the labelled chat messages (fit without each fold, read the fold) and print their table', parseFolds)
    .action(async (options: { data: string; rules: string; curve: boolean; json: boolean; fit: boolean; images: boolean; cv?: number; misses?: string }) => {
      if (options.images) return imagesEval(resolve(options.data), options.rules, options.json);
      if (options.fit) {
        const fit = fitVerifier(resolve(options.data), (debunks) => createMatcher(debunks), (m) => process.stderr.write(`${m}\n`));
        // Weights fitted on nothing would score every message 0: the matcher's would be lost, not refitted.
        if (fit.sources.length === 0) {
          process.stderr.write(`No evaluation data in ${resolve(options.data)} (expected sub-folders laid out like clef2020-en/ or checked-zh/); ${VERIFIER_WEIGHTS_FILE} left as it was.\n`);
          process.exitCode = 1;
          return;
        }
        writeFileSync(VERIFIER_WEIGHTS_FILE, `${JSON.stringify(fit.weights, null, 2)}\n`);
        for (const s of fit.sources) {
          process.stdout.write(`${s.name}: ${s.pairs} pairs, ${s.positives} positive, accuracy ${(s.accuracy * 100).toFixed(1)}%\n`);
        }
        process.stdout.write(`wrote ${VERIFIER_WEIGHTS_FILE}\n`);
        return;
      }
      const rules = loadSettingsFile(options.rules);
      if (!rules.ok) {
        for (const problem of rules.problems) process.stderr.write(`${formatLoadProblem(problem)}\n`);
        process.exitCode = 1;
        return;
      }
      if (options.cv !== undefined) {
        const { act, answer } = rules.settings.thresholds;
        const { chat, misses } = crossValidate(resolve(options.data), (debunks) => createMatcher(debunks), { folds: options.cv, actThreshold: act, ...(answer !== undefined ? { answerThreshold: answer } : {}) }, (m) => process.stderr.write(`${m}\n`));
        if (options.misses !== undefined) writeMisses(options.misses, misses);
        if (options.json) process.stdout.write(`${JSON.stringify({ cv: chat })}\n`);
        else process.stdout.write(`${chat.length === 0 ? 'No labelled chat messages to cross-validate on.' : formatCrossValidation(chat, act, answer)}\n`);
        return;
      }
      const dataDir = resolve(options.data);
      const report = runEval({
        dataDir,
        createMatcher: (debunks) => createMatcher(debunks),
        actThreshold: rules.settings.thresholds.act,
        ...(rules.settings.thresholds.answer !== undefined ? { answerThreshold: rules.settings.thresholds.answer } : {}),
        onProgress: (message) => process.stderr.write(`${message}\n`),
      });
      for (const problem of report.problems) process.stderr.write(`skipped ${formatProblem(problem)}\n`);
      if (options.misses !== undefined) writeMisses(options.misses, report.misses);
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
        process.stdout.write(`${JSON.stringify(toJsonReport(report, { curve: options.curve }))}\n`);
      } else {
        const skipped = report.problems.length > 0 ? `\n\n${report.problems.length} line(s) skipped, listed on stderr.` : '';
        const curve = options.curve ? `\n\n${formatCurve(report)}\n\n${formatAnswerCurve(report)}` : '';
        process.stdout.write(`${formatTable(report)}${curve}${skipped}\n`);
      }
    });
}

/** `eval --images`: the image set read and decided on (see runImageEval). */
async function imagesEval(dataDir: string, rulesFile: string, json: boolean): Promise<void> {
  const rules = loadSettingsFile(rulesFile);
  const debunks = await loadDebunks(resolve(packageRoot(), 'rules/debunks'));
  if (!rules.ok || !debunks.ok) {
    for (const problem of [...(rules.ok ? [] : rules.problems), ...(debunks.ok ? [] : debunks.problems)]) process.stderr.write(`${formatLoadProblem(problem)}\n`);
    process.exitCode = 1;
    return;
  }
  const { runImageEval, formatImageEval } = await import('../eval/images/runImageEval.js');
  const result = await runImageEval({
    examples: debunks.debunks,
    rules: { raw: rules.raw, settings: rules.settings },
    evalDir: dataDir,
    onProgress: (message) => process.stderr.write(`${message}\n`),
  });
  if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else process.stdout.write(`${formatImageEval(result)}\n`);
}

/** `--misses FILE`: one JSON line per miss; `-` writes them to stderr, keeping stdout for the table. */
function writeMisses(file: string, misses: readonly EvalMiss[]): void {
  const text = misses.map((m) => `${JSON.stringify(m)}\n`).join('');
  if (file === '-') process.stderr.write(text);
  else writeFileSync(file, text);
}

/** `--cv 2` … `--cv 10`: fewer folds leave too little to fit on, more take long. */
function parseFolds(value: string): number {
  const folds = Number(value);
  if (!Number.isInteger(folds) || folds < 2 || folds > 10) throw new InvalidArgumentError('a whole number of folds from 2 to 10');
  return folds;
}
