import { imageSize } from 'image-size';
import type { ISizeCalculationResult } from 'image-size/dist/types/interface.js';

/** Image formats read; others (SVG, TIFF, PDF, …) are skipped. */
export const IMAGE_TYPES = ['png', 'jpg', 'webp', 'gif', 'bmp'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

export type ImageBounds =
  | { ok: true; type: ImageType; width: number; height: number }
  | { ok: false; reason: 'too_many_bytes' | 'not_an_image' | 'too_many_pixels'; detail: string };

/**
 * Whether an image may be decoded: its size in bytes, and its width and height as its header
 * states them (read without decoding a pixel), so a small file that would unpack to a huge
 * bitmap (a "decompression bomb") is refused before it costs any memory.
 */
export function imageBounds(bytes: Uint8Array, limits: { maxBytes: number; maxPixels: number }): ImageBounds {
  if (bytes.byteLength > limits.maxBytes) return { ok: false, reason: 'too_many_bytes', detail: `${bytes.byteLength} bytes > ${limits.maxBytes}` };
  let size: ISizeCalculationResult;
  try {
    size = imageSize(bytes);
  } catch (error) {
    return { ok: false, reason: 'not_an_image', detail: (error as Error).message };
  }
  const type = size.type === 'jpeg' ? 'jpg' : size.type;
  if (!type || !(IMAGE_TYPES as readonly string[]).includes(type)) return { ok: false, reason: 'not_an_image', detail: `format ${size.type ?? 'unknown'}` };
  const width = size.width ?? 0;
  const height = size.height ?? 0;
  // JPEG EXIF orientation swaps width and height; the pixel count is the same either way.
  if (width <= 0 || height <= 0) return { ok: false, reason: 'not_an_image', detail: 'no width or height' };
  if (width * height > limits.maxPixels) return { ok: false, reason: 'too_many_pixels', detail: `${width}×${height} > ${limits.maxPixels} pixels` };
  return { ok: true, type: type as ImageType, width, height };
}
