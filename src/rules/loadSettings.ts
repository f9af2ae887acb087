import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describeIssues } from '../debunks/describeIssues.js';
import { formatFieldPath, LOAD_PROBLEM_CODES, type LoadProblem } from '../debunks/loadProblem.js';
import { parseSource } from '../debunks/parseSource.js';
import { GroupSettingsSchema, type GroupSettings } from './settingsSchema.js';

/**
 * Valid settings, with the data as written (`raw`): per-group overrides are merged into the raw
 * form and validated again, so they meet the same checks as the file.
 */
export type SettingsResult = { ok: true; settings: GroupSettings; raw: unknown } | { ok: false; problems: LoadProblem[] };

/**
 * Validates rule settings written in YAML (rules/default.yaml). Every problem comes back at once
 * with file, line and field (`rules/default.yaml:14: thresholds.act: must be between 0 and 1`).
 */
export function parseSettings(text: string, file: string): SettingsResult {
  const parsed = parseSource(text, 'yaml');
  if (!parsed.ok) {
    return { ok: false, problems: parsed.errors.map((e) => ({ file, line: e.line, message: e.message, code: LOAD_PROBLEM_CODES.syntax })) };
  }
  const { data, lineOf } = parsed.source;
  const result = GroupSettingsSchema.safeParse(data);
  if (result.success) return { ok: true, settings: result.data, raw: data };
  return {
    ok: false,
    problems: describeIssues(result.error.issues, GroupSettingsSchema, data).map((issue) => ({
      file,
      line: lineOf(issue.linePath),
      field: formatFieldPath(issue.path),
      message: issue.message,
      code: issue.code,
    })),
  };
}

/**
 * Reads and validates a settings file; a missing file is a problem value, not an exception.
 * Problems name the file as it was given (QA: `/tmp/rules.yaml` was named `../../tmp/rules.yaml`).
 */
export function loadSettingsFile(file: string, cwd: string = process.cwd()): SettingsResult {
  let text: string;
  try {
    text = readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    return {
      ok: false,
      problems: [{ file, message: missing ? 'file not found' : `cannot read: ${(err as Error).message}`, code: LOAD_PROBLEM_CODES.unreadable }],
    };
  }
  return parseSettings(text, file);
}
