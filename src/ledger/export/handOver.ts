/** Buffers the export's worker thread hands over to the main thread (transferred, not copied). */

/** The export worker's one TextEncoder (its `encodeInto` writes into buffers the worker reuses too). */
export const utf8Encoder = new TextEncoder();

/**
 * `text` as UTF-8 (the bytes TextEncoder.encode gives, a lone surrogate as U+FFFD) in a buffer of
 * its own, never a slice of a shared pool as Buffer.from gives, so it can be handed over. Encoded
 * into a buffer sized by Buffer.byteLength: Node 20's TextEncoder.encode took 2.7 ms per 400 kB
 * page of export text (7 s of a json export of 2M entries), this well under 1 ms.
 */
export function utf8Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(Buffer.byteLength(text, 'utf8'));
  utf8Encoder.encodeInto(text, bytes);
  return bytes;
}

/**
 * `chunk` in a buffer that can be handed over without taking anything else along: itself when it
 * is the whole of its buffer (as a file stream's reads are), else a copy (a piece of a larger
 * buffer, which a post would copy whole).
 */
export function ownBytes(chunk: Uint8Array): Uint8Array {
  return chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength && !(chunk.buffer instanceof SharedArrayBuffer) ? chunk : new Uint8Array(chunk);
}
