import { ENV_DEFAULTS } from '../../config/env.js';
import { readCheckpointFile, type Checkpoints } from './checkpointFile.js';
import { readCheckpointsFrom } from './checkpointsIn.js';
import { readKeyFile } from './keyFile.js';
import { keyIdOf } from './signedCheckpoint.js';

/** The checkpoints the bot keeps on this machine, and its key where this user can read it. */
export interface LocalCheckpoints {
  file: string;
  checkpoints: Checkpoints;
  /** The bot's public key (base64 DER): checkpoints from the local file must be signed with it. */
  trustedKey?: string;
}

/**
 * Reads LEDGER_CHECKPOINT_FILE and, to hold the checkpoints to the bot's own key, LEDGER_KEY_FILE
 * (each from the environment, else its default), for the `ledger` commands. A key file that is
 * missing or unreadable here (verification on another machine) leaves any valid signature good.
 */
export async function readLocalCheckpoints(env: NodeJS.ProcessEnv = process.env): Promise<{ ok: true; local: LocalCheckpoints } | { ok: false; error: string }> {
  const file = env.LEDGER_CHECKPOINT_FILE || ENV_DEFAULTS.LEDGER_CHECKPOINT_FILE;
  const read = await readCheckpointFile(file);
  if (!read.ok) return { ok: false, error: `LEDGER_CHECKPOINT_FILE ${read.error}` };
  const key = await readKeyFile(env.LEDGER_KEY_FILE || ENV_DEFAULTS.LEDGER_KEY_FILE);
  return { ok: true, local: { file, checkpoints: read.checkpoints, ...(key.ok ? { trustedKey: key.key.publicKey } : {}) } };
}

/**
 * The checkpoints a `ledger` command holds chains to: those in `file` when one is given (a file
 * someone kept, checked on its own key), else the local ones (checked on the bot's key). With
 * either, the key id of this machine's LEDGER_KEY_FILE where it is readable (`signingKeyId`), so
 * a kept file signed by another key is told apart from a rewritten chain.
 */
export async function checkpointsToUse(
  file: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ ok: true; checkpoints: Checkpoints; trustedKey?: string; signingKeyId?: string } | { ok: false; error: string }> {
  if (file) {
    const read = await readCheckpointsFrom(file);
    if (!read.ok) return read;
    const key = await readKeyFile(env.LEDGER_KEY_FILE || ENV_DEFAULTS.LEDGER_KEY_FILE);
    return { ...read, ...(key.ok ? { signingKeyId: key.key.keyId } : {}) };
  }
  const read = await readLocalCheckpoints(env);
  if (!read.ok) return read;
  const { checkpoints, trustedKey } = read.local;
  return { ok: true, checkpoints, ...(trustedKey ? { trustedKey, signingKeyId: keyIdOf(Buffer.from(trustedKey, 'base64')) } : {}) };
}
