import type { Telegram } from 'telegraf';
import type { Message, PhotoSize } from 'telegraf/types';
import { urlImage, type ImageSource } from '../../src/ocr/imageSource.js';

/** Picture formats sent as documents that are read (others, such as SVG or HEIC, are not). */
const IMAGE_DOCUMENTS = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'image/bmp']);

/**
 * The pictures of a message as the core reads them: a photo's largest size within the bounds
 * (Telegram sends several sizes; the smallest one over the bounds when none fits, which the core
 * then skips and logs), and a picture sent as a document. Fetched through getFile only when its
 * turn comes. The label is the file id: the download URL carries the bot token.
 */
export function picturesOf(message: Message, telegram: Telegram, limits: { maxBytes: number; maxPixels: number } | undefined): ImageSource[] {
  if (!limits) return [];
  const link = (fileId: string) => async () => String(await telegram.getFileLink(fileId));
  if ('photo' in message && message.photo.length > 0) {
    const size = largestWithin(message.photo, limits);
    return [urlImage(`photo ${size.file_unique_id}`, link(size.file_id), { ...(size.file_size !== undefined ? { bytes: size.file_size } : {}), pixels: size.width * size.height })];
  }
  if ('document' in message && message.document.mime_type && IMAGE_DOCUMENTS.has(message.document.mime_type)) {
    const document = message.document;
    return [urlImage(`document ${document.file_unique_id}`, link(document.file_id), document.file_size !== undefined ? { bytes: document.file_size } : {})];
  }
  return [];
}

function largestWithin(sizes: readonly PhotoSize[], limits: { maxBytes: number; maxPixels: number }): PhotoSize {
  const byArea = [...sizes].sort((a, b) => a.width * a.height - b.width * b.height);
  const fitting = byArea.filter((s) => (s.file_size ?? 0) <= limits.maxBytes && s.width * s.height <= limits.maxPixels);
  return fitting.at(-1) ?? byArea[0]!;
}
