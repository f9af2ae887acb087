import { badRequest } from './botApiError.js';
import { mimeTypeFor } from './mimeType.js';
import { isUploadedFile } from './requestParams.js';
import type { StoredDocument } from './types.js';

/** Documents the bot uploaded, kept by file_id so it can send one again without uploading it. */
export class UploadedDocuments {
  private readonly byFileId = new Map<string, StoredDocument>();
  private nextSerial = 1;

  /** A `document` parameter: a fresh upload, or the file_id of an earlier one. */
  resolve(value: unknown): StoredDocument {
    if (isUploadedFile(value)) {
      if (value.content.length === 0) throw badRequest('file must be non-empty');
      const serial = this.nextSerial++;
      // Shaped like Telegram's ids (a document's file_id starts with BQAC), unique per upload.
      const document: StoredDocument = {
        file_id: `BQACAgIAAxkDAAI${serial}`,
        file_unique_id: `AgAD${serial}`,
        file_name: value.filename,
        mime_type: mimeTypeFor(value.filename),
        file_size: value.content.length,
        content: value.content,
      };
      this.byFileId.set(document.file_id, document);
      return document;
    }
    const earlier = typeof value === 'string' ? this.byFileId.get(value) : undefined;
    if (!earlier) throw badRequest('wrong file identifier/HTTP URL specified');
    return earlier;
  }
}
