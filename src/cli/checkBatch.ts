import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { lineOutput } from './lineOutput.js';
import { z } from 'zod';
import type { ChatMessage } from '../engine/chatMessage.js';
import type { Engine } from '../engine/engine.js';
import { decisionJson } from './check.js';
import { CliError } from './cliError.js';

/**
 * One line of a batch file: a message, and optionally the group and member it comes from. Other
 * fields (a label, a source) are ignored, so a labelled file is checked as it is.
 */
const BatchLine = z.object({
  id: z.union([z.string().min(1), z.number().transform(String)]),
  text: z.string(),
  group: z.string().min(1).optional(),
  member: z.string().min(1).optional(),
});

/** A line `check --batch` could not read, and why in plain words (`missing "text"`). */
interface BatchProblem {
  line: number;
  error: string;
}

/** What is wrong with a field that is there but not as it must be. */
const FIELD_PROBLEMS: Readonly<Record<keyof z.input<typeof BatchLine>, string>> = {
  id: '"id" must be a string or a number',
  text: '"text" must be a string',
  group: '"group" must be a string that is not empty',
  member: '"member" must be a string that is not empty',
};

/** The member a line without `member` is posted by. */
const DEFAULT_MEMBER = 'cli';

/**
 * `check --batch FILE.jsonl` (or `-` for stdin): one message per line, `{"id","text","group"?,
 * "member"?}`; prints one JSON line per message, what `check --json` prints plus `id` and
 * `stance`, in input order. One engine (one index build) serves every line. A message without
 * `group` is decided in a fresh group of its own (a dry run: nothing is remembered); messages
 * that name a group share it, in file order, so strikes build up as they would in that chat.
 * A line that is not such an object is named on stderr (`messages.jsonl:4: missing "text"; line
 * skipped`) and the batch goes on; the caller sets exit code 1 when any was skipped.
 */
export async function checkBatch(engine: Engine, file: string, out: NodeJS.WritableStream = process.stdout): Promise<{ messages: number; problems: BatchProblem[] }> {
  if (file !== '-') {
    // An ordinary mistake is one line, not an "unexpected failure" with a stack.
    const found = await stat(file).catch((error: NodeJS.ErrnoException) => error);
    if (found instanceof Error) throw new CliError(`cannot read ${file}: ${found.code === 'ENOENT' ? 'no such file' : found.message}`);
    if (found.isDirectory()) throw new CliError(`cannot read ${file}: it is a folder`);
  }
  const input = file === '-' ? process.stdin : createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  const problems: BatchProblem[] = [];
  const output = lineOutput(out);
  let lineNumber = 0;
  let messages = 0;
  try {
    for await (const line of lines) {
    lineNumber++;
    // A byte-order mark (as some editors save) is no part of the first line's JSON.
    const raw = lineNumber === 1 ? line.replace(/^\uFEFF/, '') : line;
    if (raw.trim() === '') continue;
    const parsed = parseLine(raw);
    if (!parsed.ok) {
      problems.push({ line: lineNumber, error: parsed.error });
      process.stderr.write(`${file === '-' ? 'stdin' : file}:${lineNumber}: ${parsed.error}; line skipped\n`);
      continue;
    }
    const { id, text, group, member } = parsed.value;
    const message: ChatMessage = {
      platform: 'cli',
      groupId: group ?? `batch:${id}`,
      messageId: id,
      member: { id: member ?? DEFAULT_MEMBER, name: member ?? DEFAULT_MEMBER },
      text,
      sentAt: Date.now(),
    };
    const decision = await engine.evaluate(message, { dryRun: group === undefined });
    // A reader that went away (`… | head`) ends the batch: nothing is left to tell.
    if (!(await output.write(`${JSON.stringify({ id, ...decisionJson(decision) })}\n`))) break;
    messages++;
    }
  } finally {
    lines.close();
    output.release();
  }
  return { messages, problems };
}

function parseLine(raw: string): { ok: true; value: z.output<typeof BatchLine> } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return { ok: false, error: `not JSON: ${(error as Error).message}` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, error: 'not a JSON object like {"id": "1", "text": "…"}' };
  const checked = BatchLine.safeParse(json);
  if (checked.success) return { ok: true, value: checked.data };
  // In the user's words, not the validator's ("text: Invalid input: expected string, received undefined", QA).
  const fields = [...new Set(checked.error.issues.map((i) => i.path[0] as keyof typeof FIELD_PROBLEMS))];
  return { ok: false, error: fields.map((f) => ((json as Record<string, unknown>)[f] === undefined ? `missing "${f}"` : FIELD_PROBLEMS[f])).join('; ') };
}
