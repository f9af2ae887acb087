import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { Debunk } from '../debunks/schema.js';
import { toEvalDebunk } from './evalDebunk.js';
import { parseJsonl } from './parseJsonl.js';
import { readLines } from './readLines.js';
import { byFileAndLine, MESSAGE_KINDS, type EvalDataset, type EvalProblem, type EvalQuery, type LabelledMessage, type Read } from './types.js';
import { appendAll } from '../lib/appendAll.js';

/** The files of the CHECKED layout, all in the dataset folder. */
export const CHECKED_FILES = {
  /** `{claim_id, claim, debunk, debunk_url}` per line. */
  claims: 'claims.jsonl',
  /** `{post_id, text, claim_id, ...}` per line; `claim_id` is the gold claim. */
  queries: 'queries.jsonl',
  /** One non-rumor post per line; optional. */
  negatives: 'negatives.txt',
  /** `{id, text, kind, claim, lang}` per line: labelled chat messages; optional. */
  messages: 'messages.jsonl',
} as const;

/** The split name for sets whose queries are not divided into splits. */
export const WHOLE_SET_SPLIT = 'all';

/** Debunks without a usable link point at the platform that published them. */
const FALLBACK_SOURCE_URL = 'https://weibo.com/';

const text = z.string().trim().min(1, 'must not be empty');

const ClaimLine = z.looseObject({
  claim_id: text,
  claim: text,
  debunk: z.string().default(''),
  debunk_url: z.string().nullish(),
  lang: z.string().trim().min(1).optional(),
});

const MessageLine = z.looseObject({
  id: z.union([text, z.number().transform(String)]),
  text,
  kind: z.enum(MESSAGE_KINDS),
  claim: z.string().trim().min(1).nullish(),
  lang: text,
});

const QueryLine = z.looseObject({
  post_id: z.union([text, z.number().transform(String)]),
  text,
  claim_id: z.union([text.transform((id) => [id]), z.array(text).min(1)]),
});

/** Reads a folder laid out like `checked-zh/`; its queries form the single split `all`. */
export function readCheckedDataset(dir: string, name: string = basename(dir)): Read<EvalDataset> {
  const problems: EvalProblem[] = [];
  const debunks = readClaims(join(dir, CHECKED_FILES.claims), problems);
  const queries = readQueries(join(dir, CHECKED_FILES.queries), new Set(debunks.map((d) => d.id)), problems);
  const negativesFile = join(dir, CHECKED_FILES.negatives);
  const negatives = existsSync(negativesFile) ? readLines(negativesFile) : null;
  const messagesFile = join(dir, CHECKED_FILES.messages);
  const messages = existsSync(messagesFile) ? readMessages(messagesFile, new Set(debunks.map((d) => d.id)), problems) : null;
  return {
    value: { name, layout: 'checked', debunks, splits: [{ name: WHOLE_SET_SPLIT, queries }], negatives, messages },
    problems: problems.sort(byFileAndLine),
  };
}

function readClaims(file: string, problems: EvalProblem[]): Debunk[] {
  const parsed = parseJsonl(readFileSync(file, 'utf8'), file, ClaimLine);
  appendAll(problems, parsed.problems);
  const debunks = new Map<string, Debunk>();
  for (const { line, value } of parsed.rows) {
    if (debunks.has(value.claim_id)) {
      problems.push({ file, line, message: `claim_id ${value.claim_id} appears again; kept the first` });
      continue;
    }
    debunks.set(value.claim_id, toEvalDebunk({
      id: value.claim_id,
      claim: value.claim,
      variants: [],
      refutation: value.debunk,
      sourceTitle: value.debunk,
      sourceUrl: isWebUrl(value.debunk_url) ? value.debunk_url : FALLBACK_SOURCE_URL,
      // CHECKED itself is Chinese and says no language; sets laid out like it may.
      lang: value.lang ?? 'zh',
    }));
  }
  return [...debunks.values()];
}

function readQueries(file: string, claimIds: ReadonlySet<string>, problems: EvalProblem[]): EvalQuery[] {
  const parsed = parseJsonl(readFileSync(file, 'utf8'), file, QueryLine);
  appendAll(problems, parsed.problems);
  const queries: EvalQuery[] = [];
  for (const { line, value } of parsed.rows) {
    const unknown = value.claim_id.filter((id) => !claimIds.has(id));
    if (unknown.length > 0) {
      problems.push({ file, line, message: `claim_id ${unknown.join(', ')} is not in ${CHECKED_FILES.claims}` });
      continue;
    }
    queries.push({ id: value.post_id, text: value.text, gold: [...new Set(value.claim_id)] });
  }
  return queries;
}

function readMessages(file: string, claimIds: ReadonlySet<string>, problems: EvalProblem[]): LabelledMessage[] {
  const parsed = parseJsonl(readFileSync(file, 'utf8'), file, MessageLine);
  appendAll(problems, parsed.problems);
  const messages: LabelledMessage[] = [];
  for (const { line, value } of parsed.rows) {
    const claim = value.claim ?? null;
    if (claim !== null && !claimIds.has(claim)) {
      problems.push({ file, line, message: `claim ${claim} is not in ${CHECKED_FILES.claims}` });
      continue;
    }
    if (claim === null && (value.kind === 'spread' || value.kind === 'question' || value.kind === 'refute')) {
      problems.push({ file, line, message: `a ${value.kind} message needs a claim` });
      continue;
    }
    messages.push({ id: value.id, text: value.text, kind: value.kind, claim, lang: value.lang });
  }
  return messages;
}


function isWebUrl(url: string | null | undefined): url is string {
  return typeof url === 'string' && URL.canParse(url) && /^https?:$/.test(new URL(url).protocol);
}
