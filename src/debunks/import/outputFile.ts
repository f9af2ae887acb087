import path from 'node:path';

/**
 * The most entries one imported file holds; a larger import is written as numbered parts
 * (`imported-feed-0001.yaml`, `-0002`, …), so no file the loader reads is ever large (see
 * MAX_DEBUNK_FILE_BYTES) and each parses in a bounded amount of memory.
 */
export const IMPORT_FILE_ENTRIES = 10_000;

/**
 * The files of an import in `parts` parts: `file` itself for one, else `<name>-0001.yaml` … beside
 * it, numbered from 1 with at least four digits so they sort (and load) in order.
 */
export function partFiles(file: string, parts: number): string[] {
  if (parts <= 1) return [file];
  const ext = path.extname(file);
  const stem = file.slice(0, file.length - ext.length);
  return Array.from({ length: parts }, (_, i) => `${stem}-${String(i + 1).padStart(4, '0')}${ext}`);
}

/**
 * The file an import writes: `--out` if given, else `imported-<input name>.yaml`. A bare name is
 * placed in the folder; a path must lead directly into it, because the loader reads only the
 * files directly inside the folder and the import would otherwise not be part of the database.
 */
export function outputFile(
  cwd: string,
  folder: string,
  input: string,
  out: string | undefined,
): { ok: true; absolute: string } | { ok: false; message: string } {
  const folderAbsolute = path.resolve(cwd, folder);
  if (out === undefined) {
    const base = path.basename(input, path.extname(input));
    return { ok: true, absolute: path.join(folderAbsolute, `imported-${base}.yaml`) };
  }
  const absolute = path.basename(out) === out ? path.join(folderAbsolute, out) : path.resolve(cwd, out);
  if (path.dirname(absolute) !== folderAbsolute) {
    return { ok: false, message: `--out ${out}: must be a file directly inside ${folder}, where the database is read from` };
  }
  if (!/\.ya?ml$/i.test(absolute)) return { ok: false, message: `--out ${out}: must end in .yaml or .yml` };
  if (path.basename(absolute).startsWith('.')) return { ok: false, message: `--out ${out}: the database skips hidden files; choose a name without a leading "."` };
  return { ok: true, absolute };
}
