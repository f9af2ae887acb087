import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { JSON_EXPORT_FORMAT } from '../export/toJson.js';
import { SIGNED_HEAD_HEADINGS } from '../export/toMarkdown.js';
import { CHECKPOINT_FILE_FORMAT, firstIssue, keepLatest, parseCheckpointFile, type Checkpoints, type CheckpointsResult } from './checkpointFile.js';
import { SignedCheckpointSchema } from './signedCheckpoint.js';

const NONE = 'holds no signed checkpoint (give a checkpoint file, or a json, csv or md export of the ledger)';

/**
 * The signed checkpoints in a file someone kept: the bot's checkpoint file, a json, csv or md
 * export of the ledger (each carries its group's signed head), or one checkpoint as JSON.
 * Signatures are not checked here; verification does that.
 */
export async function readCheckpointsFrom(file: string): Promise<CheckpointsResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    return { ok: false, error: `${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? err})` };
  }
  return checkpointsIn(file, text);
}

export function checkpointsIn(file: string, text: string): CheckpointsResult {
  const start = text.trimStart();
  if (start.startsWith('{')) return fromJson(file, start);
  if (start.startsWith('#')) return fromMarkdown(file, text);
  return fromCsv(file, text);
}

function one(file: string, value: unknown, where: string): CheckpointsResult {
  const parsed = SignedCheckpointSchema.safeParse(value);
  if (!parsed.success) return { ok: false, error: `${file}: ${where}: not a signed checkpoint (${firstIssue(parsed.error)})` };
  return { ok: true, checkpoints: new Map([[parsed.data.groupId, parsed.data]]) };
}

function fromJson(file: string, text: string): CheckpointsResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: `${file}: not JSON` };
  }
  const format = (value as { format?: unknown }).format;
  if (format === CHECKPOINT_FILE_FORMAT) return parseCheckpointFile(file, text);
  if (format === JSON_EXPORT_FORMAT) {
    const checkpoint = (value as { checkpoint?: unknown }).checkpoint;
    return checkpoint === undefined ? { ok: false, error: `${file}: ${NONE}` } : one(file, checkpoint, 'checkpoint');
  }
  return one(file, value, 'the file');
}

function fromMarkdown(file: string, text: string): CheckpointsResult {
  // A report in any of its languages (a Chinese group's `/rg export` is Chinese).
  const heading = SIGNED_HEAD_HEADINGS.find((h) => text.includes(`\n${h}\n`));
  const block = heading === undefined ? null : /\n```json\n(.*)\n```/.exec(text.slice(text.indexOf(`\n${heading}\n`)));
  if (!block) return { ok: false, error: `${file}: ${NONE}` };
  try {
    return one(file, JSON.parse(block[1]!), heading!.replace(/^#+ /, ''));
  } catch {
    return { ok: false, error: `${file}: the signed chain head is not JSON` };
  }
}

function fromCsv(file: string, text: string): CheckpointsResult {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  } catch {
    return { ok: false, error: `${file}: ${NONE}` };
  }
  const checkpoints: Checkpoints = new Map();
  for (const [i, row] of rows.entries()) {
    if (row.type !== 'checkpoint') continue;
    let value: unknown;
    try {
      value = JSON.parse(row.detail ?? '');
    } catch {
      return { ok: false, error: `${file}: row ${i + 2}: the checkpoint's detail is not JSON` };
    }
    const found = one(file, value, `row ${i + 2}`);
    if (!found.ok) return found;
    for (const c of found.checkpoints.values()) keepLatest(checkpoints, c);
  }
  return checkpoints.size > 0 ? { ok: true, checkpoints } : { ok: false, error: `${file}: ${NONE}` };
}
