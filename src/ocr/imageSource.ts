import { open } from 'node:fs/promises';

/** The image is larger than allowed: it was not (fully) fetched. */
export class ImageTooLarge extends Error {
  constructor(readonly bytes: number, readonly maxBytes: number) {
    super(`more than ${maxBytes} bytes`);
  }
}

/**
 * A picture to read, as an adapter (or the CLI) offers it: what the platform says of it, and how
 * to get its bytes, no more than `maxBytes` of them. Nothing is fetched until a worker is free.
 */
export interface ImageSource {
  /** For logs: a file name or the platform's file id (never a URL carrying a token). */
  label: string;
  /** Size the platform states, when it states one: checked before anything is fetched. */
  declaredBytes?: number;
  /** Width × height the platform states, when it does. */
  declaredPixels?: number;
  /** The bytes; rejects with ImageTooLarge past `maxBytes`. */
  load(maxBytes: number): Promise<Uint8Array>;
}

/** How long fetching one image may take. */
export const FETCH_TIMEOUT_MS = 15_000;

/**
 * An image at an http(s) URL, fetched with a byte limit: the download stops as soon as it passes
 * `maxBytes`, whatever Content-Length said. `url` may be a function (Telegram's getFile is asked
 * only when the image's turn comes).
 */
export function urlImage(label: string, url: string | (() => Promise<string>), declared: { bytes?: number; pixels?: number } = {}): ImageSource {
  return {
    label,
    ...(declared.bytes !== undefined ? { declaredBytes: declared.bytes } : {}),
    ...(declared.pixels !== undefined ? { declaredPixels: declared.pixels } : {}),
    load: async (maxBytes) => fetchBounded(typeof url === 'string' ? url : await url(), maxBytes),
  };
}

export async function fetchBounded(url: string, maxBytes: number): Promise<Uint8Array> {
  const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
  const stated = Number(response.headers.get('content-length') ?? NaN);
  if (stated > maxBytes) {
    await response.body.cancel();
    throw new ImageTooLarge(stated, maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new ImageTooLarge(size, maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/** An image file on this machine (playground, CLI, chat exports), read no further than `maxBytes`. */
export function fileImage(file: string): ImageSource {
  return {
    label: file,
    load: async (maxBytes) => {
      const handle = await open(file, 'r');
      try {
        const { size } = await handle.stat();
        if (size > maxBytes) throw new ImageTooLarge(size, maxBytes);
        const buffer = Buffer.alloc(size);
        await handle.read(buffer, 0, size, 0);
        return buffer;
      } finally {
        await handle.close();
      }
    },
  };
}

/** Bytes already in memory (tests, the eval). */
export const bytesImage = (label: string, bytes: Uint8Array): ImageSource => ({ label, declaredBytes: bytes.byteLength, load: async () => bytes });
