import type { FastifyRequest } from 'fastify';
import { fileSize } from '../../ledger/export/reportForChat.js';
import type { Translate } from '../texts.js';

/** A file sent to a form that was larger than the form takes. */
export interface OversizedUpload {
  /** The file's name as the browser sent it ('' when it sent none). */
  name: string;
  /** The request's size (the file and a few hundred bytes of form), when the browser said it. */
  bytes?: number;
}

/**
 * The upload that went over its limit, when `error` is @fastify/multipart's "request file too
 * large" (FST_REQ_FILE_TOO_LARGE, thrown once the rest of the file was read and dropped);
 * undefined for any other error. The file's whole size is never read: the request's length says it.
 */
export function oversizedUpload(error: unknown, req: FastifyRequest): OversizedUpload | undefined {
  if (typeof error !== 'object' || error === null || (error as { code?: unknown }).code !== 'FST_REQ_FILE_TOO_LARGE') return undefined;
  const name = (error as { part?: { filename?: unknown } }).part?.filename;
  const length = Number(req.headers['content-length']);
  return { name: typeof name === 'string' ? name : '', ...(Number.isSafeInteger(length) && length > 0 ? { bytes: length } : {}) };
}

/** "The file feed.csv is about 7.4 MB: more than the 5.2 MB an import takes …" */
export function oversizedText(t: Translate, upload: OversizedUpload, limit: number): string {
  const size = upload.bytes === undefined ? undefined : fileSize(upload.bytes);
  // Sizes that round alike ("5.2 MB" and "5.2 MB") are told apart in bytes.
  const [shown, most] = size !== undefined && size === fileSize(limit) ? [`${upload.bytes} bytes`, `${limit} bytes`] : [size, fileSize(limit)];
  return shown === undefined ? t('importTooLargeNoSize', { name: upload.name, limit: most }) : t('importTooLarge', { name: upload.name, size: shown, limit: most });
}
