import type { z } from 'zod';
import { didYouMean } from './fieldSuggestion.js';
import { LOAD_PROBLEM_CODES, type LoadProblemCode } from './loadProblem.js';
import type { DataPath } from './parseSource.js';

/** A zod issue restated for a person editing the file. Paths are relative to the parsed value. */
export interface FieldIssue {
  /** The field the message is about; for an unknown field, the mapping that holds it. */
  path: DataPath;
  /** The part of the file to point at: the field itself, or the unknown key. */
  linePath: DataPath;
  message: string;
  code: LoadProblemCode;
}

/** How an expected zod type reads in a message ("expected a list (got "x")"). */
const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
  date: 'a date',
};

/**
 * Turns zod issues into plain messages: "required", enum errors that list the permitted values,
 * one `unknown field "foo"` per unknown key, and for unions the errors of the branch the value
 * was evidently meant for. Messages written in the schema are kept as they are.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], schema: z.ZodType, data: unknown): FieldIssue[] {
  return issues.flatMap((issue) => describe(issue, [], schema, data));
}

function describe(issue: z.core.$ZodIssue, base: DataPath, schema: z.ZodType, data: unknown): FieldIssue[] {
  const path = [...base, ...toDataPath(issue.path)];
  const value = valueAt(data, path);
  if (isAbsent(value) && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) return [required(path)];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path,
        linePath: [...path, key],
        message: `unknown field "${key}"${didYouMean(key, schema, path)}`,
        code: LOAD_PROBLEM_CODES.unknownField,
      }));
    case 'invalid_type':
      return [invalid(path, `${ownMessage(issue) ?? `expected ${typeName(issue.expected)}`} (got ${describeValue(value)})`)];
    case 'invalid_value': {
      const allowed = issue.values.map(String).join(', ');
      const rule = issue.values.length === 1 ? `must be ${allowed}` : `must be one of ${allowed}`;
      return [invalid(path, `${rule} (got ${describeValue(value)})`)];
    }
    case 'invalid_union': {
      // A branch that got past the type check is the one the author meant: report its errors.
      const meant = issue.errors.find((branch) => !branch.every(isTypeMismatch));
      if (meant) return meant.flatMap((inner) => describe(inner, path, schema, data));
      if (isAbsent(value)) return [required(path)];
      const mismatches = issue.errors.flat();
      const custom = ownMessage(issue) ?? mismatches.map(ownMessage).find((m) => m !== undefined);
      const expected = [...new Set(mismatches.flatMap((i) => (i.code === 'invalid_type' ? [typeName(i.expected)] : [])))];
      return [invalid(path, `${custom ?? `expected ${expected.join(' or ') || 'another kind of value'}`} (got ${describeValue(value)})`)];
    }
    case 'invalid_key':
      return issue.issues.flatMap((inner) => describe(inner, path, schema, data));
    default:
      return [invalid(path, issue.message)];
  }
}

/** An absent or empty (`key:` with no value) field. */
function isAbsent(value: unknown): boolean {
  return value === undefined || value === null;
}

function required(path: DataPath): FieldIssue {
  // At the root, the entry itself is empty: a bare "- " in the list.
  if (path.length === 0) return invalid(path, 'empty entry');
  return { path, linePath: path, message: 'required', code: LOAD_PROBLEM_CODES.missingField };
}

function invalid(path: DataPath, message: string): FieldIssue {
  return { path, linePath: path, message, code: LOAD_PROBLEM_CODES.invalidField };
}

function isTypeMismatch(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'invalid_type' && issue.path.length === 0;
}

/** The schema author's message, if any; zod's own defaults all start with "Invalid". */
function ownMessage(issue: z.core.$ZodIssue): string | undefined {
  return issue.message.startsWith('Invalid') ? undefined : issue.message;
}

function typeName(expected: string): string {
  return TYPE_NAMES[expected] ?? expected;
}

/** A short rendering of an offending value for "(got …)". */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

function toDataPath(path: readonly PropertyKey[]): DataPath {
  return path.map((seg) => (typeof seg === 'number' ? seg : String(seg)));
}

function valueAt(data: unknown, path: DataPath): unknown {
  let current = data;
  for (const seg of path) {
    // Own properties only: a missing "constructor" field must not find Object.prototype's.
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, seg)) return undefined;
    current = (current as Record<string | number, unknown>)[seg];
  }
  return current;
}
