import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Debunk } from '../debunks/schema.js';
import { toEvalDebunk } from './evalDebunk.js';
import { parseTsv } from './parseTsv.js';
import { readLines } from './readLines.js';
import { byFileAndLine, type EvalDataset, type EvalProblem, type EvalQuery, type EvalSplit, type Read } from './types.js';
import { appendAll } from '../lib/appendAll.js';

/** The files of the CLEF-2020 CheckThat! Task 2 layout. */
export const CLEF_FILES = {
  /** `vclaim_id<TAB>vclaim<TAB>title`, header row, in the dataset folder. */
  claims: 'verified_claims.docs.tsv',
  /** `tweet_id<TAB>tweet_content`, header row, in each split folder. */
  queries: 'tweets.queries.tsv',
  /** `tweet_id<TAB>0<TAB>vclaim_id<TAB>relevance`, no header, in each split folder. */
  qrels: 'tweet-vclaim-pairs.qrels',
  /** One tweet holding no claim per line, in the dataset folder; optional. */
  negatives: 'negatives.txt',
} as const;

/** Snopes wrote the claims; the set keeps no link per claim. */
const SOURCE_URL = 'https://www.snopes.com/';

/**
 * Reads a folder laid out like `clef2020-en/`: the claims file, and every sub-folder holding a
 * queries file and a qrels file as one split named after the sub-folder.
 */
export function readClefDataset(dir: string, name: string = basename(dir)): Read<EvalDataset> {
  const problems: EvalProblem[] = [];
  const debunks = readClaims(join(dir, CLEF_FILES.claims), problems);
  const claimIds = new Set(debunks.map((d) => d.id));
  const splits: EvalSplit[] = [];
  const folders = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  for (const folder of folders) {
    const splitDir = join(dir, folder);
    const hasQueries = existsSync(join(splitDir, CLEF_FILES.queries));
    const hasQrels = existsSync(join(splitDir, CLEF_FILES.qrels));
    if (hasQueries && hasQrels) {
      splits.push({ name: folder, queries: readSplit(splitDir, claimIds, problems) });
    } else if (hasQueries || hasQrels) {
      const missing = hasQueries ? CLEF_FILES.qrels : CLEF_FILES.queries;
      problems.push({ file: splitDir, message: `no ${missing}; split skipped` });
    }
  }
  const negativesFile = join(dir, CLEF_FILES.negatives);
  const negatives = existsSync(negativesFile) ? readLines(negativesFile) : null;
  return { value: { name, layout: 'clef', debunks, splits, negatives, messages: null }, problems: problems.sort(byFileAndLine) };
}

function readClaims(file: string, problems: EvalProblem[]): Debunk[] {
  const parsed = parseTsv(readFileSync(file, 'utf8'), file, 3, true);
  appendAll(problems, parsed.problems);
  const debunks = new Map<string, Debunk>();
  for (const { line, fields } of parsed.rows) {
    const [id = '', claim = '', title = ''] = fields.map((f) => f.trim());
    if (id === '' || claim === '') {
      problems.push({ file, line, message: id === '' ? 'empty claim id' : `claim ${id} has no text` });
    } else if (debunks.has(id)) {
      problems.push({ file, line, message: `claim id ${id} appears again; kept the first` });
    } else {
      const refutation = title === '' ? claim : title;
      debunks.set(id, toEvalDebunk({
        id, claim, variants: [title], refutation, sourceTitle: refutation, sourceUrl: SOURCE_URL, lang: 'en',
      }));
    }
  }
  return [...debunks.values()];
}

function readSplit(dir: string, claimIds: ReadonlySet<string>, problems: EvalProblem[]): EvalQuery[] {
  const queriesFile = join(dir, CLEF_FILES.queries);
  const queries = parseTsv(readFileSync(queriesFile, 'utf8'), queriesFile, 2, true);
  appendAll(problems, queries.problems);
  const texts = new Map<string, { line: number; text: string }>();
  for (const { line, fields } of queries.rows) {
    const [id = '', text = ''] = fields.map((f) => f.trim());
    if (id === '' || text === '') {
      problems.push({ file: queriesFile, line, message: id === '' ? 'empty tweet id' : `tweet ${id} has no text` });
    } else if (texts.has(id)) {
      problems.push({ file: queriesFile, line, message: `tweet id ${id} appears again; kept the first` });
    } else {
      texts.set(id, { line, text });
    }
  }

  const qrelsFile = join(dir, CLEF_FILES.qrels);
  const qrels = parseTsv(readFileSync(qrelsFile, 'utf8'), qrelsFile, 4, false);
  appendAll(problems, qrels.problems);
  const gold = new Map<string, Set<string>>();
  for (const { line, fields } of qrels.rows) {
    const [tweetId = '', , claimId = '', relevance = ''] = fields.map((f) => f.trim());
    const problem = qrelsProblem(tweetId, claimId, relevance, texts, claimIds);
    if (problem !== undefined) {
      problems.push({ file: qrelsFile, line, message: problem });
    } else if (Number(relevance) > 0) {
      gold.set(tweetId, (gold.get(tweetId) ?? new Set()).add(claimId));
    }
  }

  const scored: EvalQuery[] = [];
  for (const [id, { line, text }] of texts) {
    const claims = gold.get(id);
    if (claims === undefined) {
      problems.push({ file: queriesFile, line, message: `tweet ${id} has no relevant pair in ${CLEF_FILES.qrels}; not scored` });
    } else {
      scored.push({ id, text, gold: [...claims] });
    }
  }
  return scored;
}

function qrelsProblem(
  tweetId: string,
  claimId: string,
  relevance: string,
  texts: ReadonlyMap<string, unknown>,
  claimIds: ReadonlySet<string>,
): string | undefined {
  if (!/^\d+$/.test(relevance)) return `relevance "${relevance}" is not a whole number`;
  if (!texts.has(tweetId)) return `tweet ${tweetId} is not in ${CLEF_FILES.queries}`;
  if (!claimIds.has(claimId)) return `claim ${claimId} is not in ${CLEF_FILES.claims}`;
  return undefined;
}
