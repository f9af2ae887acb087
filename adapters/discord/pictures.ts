import type { Message } from 'discord.js';
import { urlImage, type ImageSource } from '../../src/ocr/imageSource.js';

/** Picture formats read from attachments (others, such as SVG or HEIC, are not). */
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'image/bmp']);

/**
 * The pictures of a message as the core reads them: image attachments (Discord states their
 * size and dimensions, checked before anything is fetched) and the images of embeds (a link
 * preview's picture, a forwarded card). Fetched from Discord's CDN only when their turn comes.
 */
export function picturesOf(message: Message, limits: { maxBytes: number; maxPixels: number } | undefined): ImageSource[] {
  if (!limits) return [];
  const pictures: ImageSource[] = [];
  for (const attachment of message.attachments.values()) {
    if (!attachment.contentType || !IMAGE_TYPES.has(attachment.contentType.split(';')[0]!.trim())) continue;
    const pixels = attachment.width && attachment.height ? attachment.width * attachment.height : undefined;
    pictures.push(urlImage(`attachment ${attachment.id}`, attachment.url, { bytes: attachment.size, ...(pixels !== undefined ? { pixels } : {}) }));
  }
  for (const embed of message.embeds) {
    const image = embed.image ?? embed.thumbnail;
    // Through Discord's media proxy only: an embed's own URL is whatever the linked page named.
    if (!image?.proxyURL) continue;
    const pixels = image.width && image.height ? image.width * image.height : undefined;
    pictures.push(urlImage(`embed image of ${message.id}`, image.proxyURL, pixels !== undefined ? { pixels } : {}));
  }
  return pictures;
}
