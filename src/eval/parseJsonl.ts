import type { z } from 'zod';
import type { EvalProblem } from './types.js';

/** One record of a JSON Lines file and its line. */
export interface JsonlRow<T> {
  line: number;
  value: T;
}

export interface ParsedJsonl<T> {
  rows: JsonlRow<T>[];
  problems: EvalProblem[];
}

/**
 * Parses JSON Lines text, one object per line, checking each against `schema`. Blank lines are
 * ignored; lines that are not JSON or do not fit the schema are reported and skipped.
 */
export function parseJsonl<S extends z.ZodType>(text: string, file: string, schema: S): ParsedJsonl<z.output<S>> {
  const rows: JsonlRow<z.output<S>>[] = [];
  const problems: EvalProblem[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const line = index + 1;
    const source = raw.trim();
    if (source === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(source);
    } catch (error) {
      problems.push({ file, line, message: `not JSON: ${(error as Error).message}` });
      continue;
    }
    const checked = schema.safeParse(json);
    if (checked.success) {
      rows.push({ line, value: checked.data });
    } else {
      const issues = checked.error.issues.map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`);
      problems.push({ file, line, message: issues.join('; ') });
    }
  }
  return { rows, problems };
}
