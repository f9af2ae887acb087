import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { laterCheckpoint, SignedCheckpointSchema, type SignedCheckpoint } from './signedCheckpoint.js';

/** The `format` of a checkpoint file. */
export const CHECKPOINT_FILE_FORMAT = 'rumorguard-checkpoints-v1';

const CheckpointFileSchema = z.object({
  format: z.literal(CHECKPOINT_FILE_FORMAT),
  checkpoints: z.array(SignedCheckpointSchema),
});

/** Latest signed checkpoint of each group, by group id. */
export type Checkpoints = Map<string, SignedCheckpoint>;

export type CheckpointsResult = { ok: true; checkpoints: Checkpoints } | { ok: false; error: string };

/** The first problem zod found, as "checkpoints.2.hash: must be 64 hex digits". */
export const firstIssue = (error: z.ZodError): string => {
  const issue = error.issues[0]!;
  return `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`;
};

/** Adds `c` to `into` unless `into` already holds a later checkpoint of its group. */
export function keepLatest(into: Checkpoints, c: SignedCheckpoint): void {
  const had = into.get(c.groupId);
  into.set(c.groupId, had ? laterCheckpoint(had, c) : c);
}

/** Reads a checkpoint file; a missing file holds no checkpoints. Errors name the file and the field. */
export async function readCheckpointFile(file: string): Promise<CheckpointsResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, checkpoints: new Map() };
    return { ok: false, error: `${file}: cannot read the checkpoint file (${(err as NodeJS.ErrnoException).code ?? err})` };
  }
  return parseCheckpointFile(file, text);
}

export function parseCheckpointFile(file: string, text: string): CheckpointsResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: `${file}: not a checkpoint file (not JSON)` };
  }
  const parsed = CheckpointFileSchema.safeParse(value);
  if (!parsed.success) return { ok: false, error: `${file}: not a checkpoint file (${firstIssue(parsed.error)})` };
  const checkpoints: Checkpoints = new Map();
  for (const c of parsed.data.checkpoints) keepLatest(checkpoints, c);
  return { ok: true, checkpoints };
}

/**
 * Replaces `file` with these checkpoints, atomically: the text goes to a temporary file in the
 * same folder, is flushed, and is renamed over the old one, so a crash leaves the old file or the
 * new one, never half of one. Asynchronous throughout: nothing here holds up the message path.
 */
export async function writeCheckpointFile(file: string, checkpoints: Iterable<SignedCheckpoint>): Promise<void> {
  const sorted = [...checkpoints].sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0));
  const text = `${JSON.stringify({ format: CHECKPOINT_FILE_FORMAT, checkpoints: sorted }, null, 2)}\n`;
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  // The rename itself is durable once the folder is flushed (not possible on every platform).
  const folder = await open(dir, 'r').catch(() => undefined);
  await folder?.sync().catch(() => undefined);
  await folder?.close();
}

/**
 * Writes `updates` into `file`, keeping the later checkpoint of each group between the file (which
 * other bot processes also write) and the updates. Returns everything the file now holds.
 * Two processes writing at the same moment can still replace each other's newest checkpoint with
 * their own older one for a group: that leaves a valid, older checkpoint, never a wrong one.
 */
export async function mergeIntoCheckpointFile(file: string, updates: Iterable<SignedCheckpoint>): Promise<CheckpointsResult> {
  const current = await readCheckpointFile(file);
  if (!current.ok) return current;
  for (const c of updates) keepLatest(current.checkpoints, c);
  await writeCheckpointFile(file, current.checkpoints.values());
  return current;
}
