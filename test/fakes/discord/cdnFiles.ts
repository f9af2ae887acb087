/**
 * Files the fake serves the way Discord's CDN serves attachments and embed images: plain GETs of
 * `<rest server>/cdn/<path>`, no authorization. Members' pictures live here.
 */
export class CdnFiles {
  private readonly files = new Map<string, { data: Buffer; contentType: string }>();
  /** `http://127.0.0.1:PORT/cdn`, known once the REST server listens. */
  base = '';

  /** Serve `data` at `path` (e.g. `attachments/<channel>/<id>/photo.png`); returns its URL. */
  host(path: string, data: Buffer, contentType: string): string {
    this.files.set(path, { data, contentType });
    return `${this.base}/${path}`;
  }

  get(path: string): { data: Buffer; contentType: string } | undefined {
    return this.files.get(path);
  }
}
