import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../canonicalJson.js';
import { z } from 'zod';

/** A group's chain head as the bot saw it at one moment. */
export interface ChainCheckpoint {
  groupId: string;
  seq: number;
  /** The hash of entry `seq`. */
  hash: string;
  /** When it was signed (ISO 8601). */
  at: string;
}

/**
 * A checkpoint signed with the bot's Ed25519 key (LEDGER_KEY_FILE), which is kept outside the
 * store: whoever holds it knows the group's chain had reached `seq` with exactly `hash` at `at`,
 * so entries cut off the end or a chain rewritten behind it no longer pass `ledger verify`.
 */
export interface SignedCheckpoint extends ChainCheckpoint {
  /** Ed25519 signature (base64) over `checkpointMessage`: the RFC 8785 JSON of groupId, seq, hash, at. */
  signature: string;
  /** The public key (base64 of its DER SubjectPublicKeyInfo), so anyone can check the signature. */
  publicKey: string;
  /** First 16 hex digits of sha256 over the public key's DER: a short name to compare keys by. */
  keyId: string;
}

/** The bot's signing key. The private half is never written anywhere but LEDGER_KEY_FILE, never logged. */
export interface SigningKey {
  privateKey: KeyObject;
  /** base64 of the DER SubjectPublicKeyInfo. */
  publicKey: string;
  keyId: string;
}

/** The exact bytes signed: `{"at":…,"groupId":…,"hash":…,"seq":…}` (keys sorted, no spaces). */
export function checkpointMessage(c: ChainCheckpoint): Buffer {
  return Buffer.from(canonicalJson({ groupId: c.groupId, seq: c.seq, hash: c.hash, at: c.at })!, 'utf8');
}

export const keyIdOf = (publicKeyDer: Buffer): string => createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 16);

/** The signing key behind a private key object. */
export function signingKey(privateKey: KeyObject): SigningKey {
  const der = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return { privateKey, publicKey: der.toString('base64'), keyId: keyIdOf(der) };
}

export function signCheckpoint(c: ChainCheckpoint, key: SigningKey): SignedCheckpoint {
  const signature = sign(null, checkpointMessage(c), key.privateKey).toString('base64');
  return { groupId: c.groupId, seq: c.seq, hash: c.hash, at: c.at, signature, publicKey: key.publicKey, keyId: key.keyId };
}

/** Why a checkpoint cannot be trusted, or undefined when its signature holds (under `trustedKey`, if given). */
export function checkpointFault(c: SignedCheckpoint, trustedKey?: string): string | undefined {
  let der: Buffer;
  let key: KeyObject;
  try {
    der = Buffer.from(c.publicKey, 'base64');
    key = createPublicKey({ key: der, format: 'der', type: 'spki' });
  } catch {
    return 'its public key is not a key';
  }
  if (key.asymmetricKeyType !== 'ed25519') return 'its public key is not an Ed25519 key';
  if (keyIdOf(der) !== c.keyId) return `its key id ${c.keyId} does not belong to its public key`;
  if (!verify(null, checkpointMessage(c), key, Buffer.from(c.signature, 'base64'))) return 'its signature does not match its content';
  if (trustedKey !== undefined && trustedKey !== c.publicKey) {
    return `it is signed by key ${c.keyId}, not by this bot's key ${keyIdOf(Buffer.from(trustedKey, 'base64'))}`;
  }
  return undefined;
}

/** The shape of a signed checkpoint read from a file someone handed over. */
export const SignedCheckpointSchema = z.object({
  groupId: z.string().min(1),
  seq: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 hex digits'),
  at: z.iso.datetime({ offset: true }),
  signature: z.string().min(1),
  publicKey: z.string().min(1),
  keyId: z.string().regex(/^[0-9a-f]{16}$/, 'must be 16 hex digits'),
});

/** The later of two checkpoints of one group: the longer chain, or the later moment of the same one. */
export const laterCheckpoint = (a: SignedCheckpoint, b: SignedCheckpoint): SignedCheckpoint =>
  b.seq > a.seq || (b.seq === a.seq && Date.parse(b.at) > Date.parse(a.at)) ? b : a;
