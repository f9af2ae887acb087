import { badRequest } from './botApiError.js';

/** A file a member sent (a photo size, a document), as getFile describes it. */
export interface MemberFile {
  file_id: string;
  file_unique_id: string;
  file_size: number;
  file_path: string;
  data: Buffer;
}

/**
 * Files members sent, kept by file_id: getFile answers with their `file_path`, and the front
 * server serves them at `/file/bot<token>/<file_path>`, as Telegram does.
 */
export class MemberFiles {
  private readonly byId = new Map<string, MemberFile>();
  private readonly byPath = new Map<string, MemberFile>();
  private nextSerial = 1;

  add(data: Buffer, folder: 'photos' | 'documents', extension: string): MemberFile {
    const serial = this.nextSerial++;
    // Shaped like Telegram's ids (a photo's file_id starts with AgAC), unique per file.
    const file: MemberFile = {
      file_id: `${folder === 'photos' ? 'AgAC' : 'BQAC'}AgIAAxkBAAM${serial}`,
      file_unique_id: `AQAD${serial}`,
      file_size: data.byteLength,
      file_path: `${folder}/file_${serial}.${extension}`,
      data,
    };
    this.byId.set(file.file_id, file);
    this.byPath.set(file.file_path, file);
    return file;
  }

  /** getFile's answer. */
  describe(fileId: unknown): Omit<MemberFile, 'data'> {
    const file = typeof fileId === 'string' ? this.byId.get(fileId) : undefined;
    if (!file) throw badRequest('invalid file_id');
    const { data: _data, ...described } = file;
    return described;
  }

  at(path: string): MemberFile | undefined {
    return this.byPath.get(path);
  }
}
