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

/** What `check --batch` prints for one line it could not read. */
interface BatchProblem {
  line: number;
  error: string;
}

/** The member a line without `member` is posted by. */
const DEFAULT_MEMBER = 'cli';

/**
 * `check --batch FILE.jsonl` (or `-` for stdin): one message per line, `{"id","text","group"?,
 * "member"?}`; prints one JSON line per message, what `check --json` prints plus `id` and
 * `stance`, in input order. One engine (one index build) serves every line. A message without
 * `group` is decided in a fresh group of its own (a dry run: nothing is remembered); messages
 * that name a group share it, in file order, so strikes build up as they would in that chat.
 * A line that is not such an object prints `{"line","error"}` on stderr and the batch goes on;
 * the exit code is then 1.
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
      const problem = { line: lineNumber, error: parsed.error };
      problems.push(problem);
      process.stderr.write(`${JSON.stringify({ file, ...problem })}\n`);
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
  const checked = BatchLine.safeParse(json);
  if (checked.success) return { ok: true, value: checked.data };
  return { ok: false, error: checked.error.issues.map((i) => `${i.path.join('.') || '(line)'}: ${i.message}`).join('; ') };
}
