import { randomBytes, createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { link, mkdir, open, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { signingKey, type SigningKey } from './signedCheckpoint.js';

export type KeyFileResult = { ok: true; key: SigningKey; created: boolean } | { ok: false; error: string };

const errorCode = (err: unknown) => (err as NodeJS.ErrnoException).code ?? String(err);

/** Reads an Ed25519 private key (PEM). The message names the file, never its content. */
export async function readKeyFile(file: string): Promise<KeyFileResult> {
  let pem: string;
  try {
    pem = await readFile(file, 'utf8');
  } catch (err) {
    return { ok: false, error: `${file}: cannot read the ledger signing key (${errorCode(err)})` };
  }
  try {
    const privateKey = createPrivateKey({ key: pem, format: 'pem' });
    if (privateKey.asymmetricKeyType !== 'ed25519') return { ok: false, error: `${file}: not an Ed25519 private key (it is ${privateKey.asymmetricKeyType})` };
    return { ok: true, key: signingKey(privateKey), created: false };
  } catch {
    return { ok: false, error: `${file}: not a PEM private key` };
  }
}

/**
 * The bot's checkpoint signing key: read from `file`, or made at the first start. A new key is
 * written to a temporary file (mode 0600, opened with O_EXCL) and then hard-linked into place,
 * which fails if the file exists: two processes starting at once end up with the one key that
 * got there first, and nobody ever reads a half-written key.
 */
export async function openKeyFile(file: string): Promise<KeyFileResult> {
  const existing = await readKeyFile(file);
  if (existing.ok || !existing.error.includes('(ENOENT)')) return existing;
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(pem);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await link(temp, file);
    } catch (err) {
      if (errorCode(err) === 'EEXIST') return await readKeyFile(file);
      throw err;
    }
  } catch (err) {
    return { ok: false, error: `${file}: cannot create the ledger signing key (${errorCode(err)})` };
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  return { ok: true, key: signingKey(privateKey), created: true };
}
