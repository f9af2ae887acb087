import { readFileSync } from 'node:fs';

/** The non-empty lines of a text file, trimmed: the negatives files hold one post per line. */
export function readLines(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n').map((line) => line.trim()).filter((line) => line !== '');
}
