import path from 'node:path';

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
