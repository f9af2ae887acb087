import type { DataPath } from '../parseSource.js';
import type { ImportProblem } from './importProblem.js';

/** Something a converter found wrong with one record while converting it. */
export interface RecordNote {
  /**
   * The database field it concerns, e.g. `['verdict']`. Absent when the whole record is unusable
   * (a CSV row with the wrong number of fields); such a record is not validated further.
   */
  field?: DataPath;
  message: string;
}

/** One entry converted from an input file, in the database's field names, not yet validated. */
export interface ImportedRecord {
  /** 1-based position among the records of the input. */
  record: number;
  /** 1-based line where the record starts in the input. */
  line: number;
  /** The entry as converted; validation decides whether it is a debunk. */
  entry: Record<string, unknown>;
  /** Problems the converter already found; the schema's own complaint about the same field is then left out. */
  notes: RecordNote[];
  /** Line of a database field in the input, when the format can tell (JSON); else {@link line}. */
  lineOf?: (field: DataPath) => number;
}

/** What a converter makes of an input file: records to validate, and problems with the file as a whole. */
export interface Conversion {
  records: ImportedRecord[];
  problems: ImportProblem[];
}

/** Converts the text of an input file; `source` is the file as shown in problems. */
export type Converter = (text: string, source: string) => Conversion;
