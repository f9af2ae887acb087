import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The "best_int" LSTM models the @tesseract.js-data packages ship: a fraction of the size of the
 * full ones (chi_sim 1.7 MB against 20 MB), and faster to load.
 */
const MODEL_FOLDER = '4.0.0_best_int';

/** The gzipped model of a language in its npm package, or undefined when it is not installed. */
export function installedModel(code: string): string | undefined {
  try {
    return path.join(path.dirname(require.resolve(`@tesseract.js-data/${code}/package.json`)), MODEL_FOLDER, `${code}.traineddata.gz`);
  } catch {
    return undefined;
  }
}

/** Whether tesseract.js and the data of every language are installed: OCR can run offline. */
export function ocrInstalled(languages: string): boolean {
  try {
    require.resolve('tesseract.js');
  } catch {
    return false;
  }
  return languages.split('+').every((code) => installedModel(code) !== undefined);
}

/**
 * One folder holding every language's model, as tesseract.js wants them (`langPath` is a single
 * folder): links into node_modules, in a temporary folder removed by `remove()`. Nothing is ever
 * downloaded: tesseract.js fetches only when `langPath` is unset or a URL.
 */
export async function languageFolder(languages: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const folder = await mkdtemp(path.join(tmpdir(), 'rumorguard-ocr-'));
  for (const code of languages.split('+')) {
    const model = installedModel(code);
    if (!model) {
      await rm(folder, { recursive: true, force: true });
      throw new Error(`OCR language data @tesseract.js-data/${code} is not installed`);
    }
    await symlink(model, path.join(folder, `${code}.traineddata.gz`));
  }
  return { path: folder, remove: () => rm(folder, { recursive: true, force: true }) };
}
