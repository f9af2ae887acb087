/** A step into JSON data: an object key or an array index. */
export type JsonPathSegment = string | number;

/** A value taken out of the stream whole: its JSON text, its path and the line it starts on. */
export interface PickedValue {
  path: JsonPathSegment[];
  /** The value's JSON text, for `JSON.parse`; undefined when it was larger than the limit. */
  json?: string;
  line: number;
}

/** Why the stream could not be read on: the text is not JSON. */
export interface PickError {
  line: number;
  error: string;
}

export interface JsonPickerOptions {
  /** Paths whose values are taken whole; the picker does not look inside them. */
  wanted: (path: readonly JsonPathSegment[]) => boolean;
  /**
   * Largest value kept, in characters: a bigger one is reported without its text, so one
   * corrupt or hostile value cannot exhaust memory. @defaultValue 16 MiB
   */
  maxValueChars?: number;
}

interface Frame {
  kind: 'object' | 'array';
  path: JsonPathSegment[];
  /** Object: the key whose value comes next (undefined while a key is expected). */
  key: string | undefined;
  /** Array: the index of the current element. */
  index: number;
}

/** What is being read when a chunk ends in the middle of something. */
type Token =
  | { kind: 'none' }
  | { kind: 'key'; text: string; escaped: boolean }
  | { kind: 'skipString'; escaped: boolean }
  | { kind: 'skipScalar' }
  | { kind: 'capture'; path: JsonPathSegment[]; line: number; depth: number; inString: boolean; escaped: boolean; scalar: boolean; parts: string[]; size: number };

type Capture = Extract<Token, { kind: 'capture' }>;

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const SCALAR_END = new Set([',', '}', ']', ' ', '\t', '\n', '\r']);

/**
 * Reads JSON text chunk by chunk and hands out the values at the wanted paths whole, holding no
 * more than one such value in memory: a Telegram export of any size streams message by message.
 * It tracks structure only (nesting, strings, keys); each picked value is checked by
 * `JSON.parse`, so it is lenient about commas and colons between values, not about brackets.
 */
export class JsonPicker {
  private readonly stack: Frame[] = [];
  private token: Token = { kind: 'none' };
  private line = 1;
  private started = false;
  private done = false;
  private failed: PickError | undefined;
  private readonly maxValueChars: number;

  constructor(private readonly options: JsonPickerOptions) {
    this.maxValueChars = options.maxValueChars ?? 16 * 1024 * 1024;
  }

  /** Reads one chunk; returns the values completed in it, and a final error if the text broke off. */
  feed(chunk: string): (PickedValue | PickError)[] {
    const out: (PickedValue | PickError)[] = [];
    if (this.failed) return out;
    let captureFrom = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      const t = this.token;
      if (t.kind === 'capture') {
        if (t.scalar && SCALAR_END.has(c)) {
          // A number or literal ends at the character after it, which belongs to the structure.
          this.keep(t, chunk.slice(captureFrom, i));
          out.push(this.finish(t));
          i -= 1;
        } else if (!t.scalar && this.captureChar(t, c)) {
          this.keep(t, chunk.slice(captureFrom, i + 1));
          out.push(this.finish(t));
        }
        continue;
      }
      if (c === '\n') this.line += 1;
      if (t.kind === 'key' || t.kind === 'skipString') {
        if (t.escaped) t.escaped = false;
        else if (c === '\\') t.escaped = true;
        else if (c === '"') {
          this.token = { kind: 'none' };
          if (t.kind === 'key') {
            const key = decodeKey(t.text);
            if (key === undefined) {
              out.push(this.fail(`not a valid key: "${t.text.slice(0, 40)}"`));
              return out;
            }
            this.top()!.key = key;
          }
          continue;
        }
        if (t.kind === 'key') t.text += c;
        continue;
      }
      if (t.kind === 'skipScalar') {
        if (!SCALAR_END.has(c)) continue;
        this.token = { kind: 'none' };
      }
      if (WHITESPACE.has(c)) continue;
      const error = this.structure(c);
      if (error) {
        out.push(error);
        return out;
      }
      if (this.token.kind === 'capture') captureFrom = i;
    }
    if (this.token.kind === 'capture') this.keep(this.token, chunk.slice(captureFrom));
    return out;
  }

  /** Call after the last chunk: an error if the text stopped inside a value. */
  end(): PickError | undefined {
    if (this.failed) return undefined;
    if (!this.started) return this.fail('the file is empty');
    if (this.stack.length > 0 || this.token.kind !== 'none') {
      return this.fail('unexpected end of file: the file is cut off');
    }
    return undefined;
  }

  /** One structural character outside strings and picked values. */
  private structure(c: string): PickError | undefined {
    const top = this.top();
    if (this.done) return this.fail(`unexpected ${JSON.stringify(c)} after the end of the JSON value`);
    if (top?.kind === 'object' && top.key === undefined) {
      if (c === '"') this.token = { kind: 'key', text: '', escaped: false };
      else if (c === '}') this.pop();
      else if (c !== ',') return this.fail(`expected a key in quotes, got ${JSON.stringify(c)}`);
      return undefined;
    }
    if (c === ':' && top?.kind === 'object') return undefined;
    if (c === ',') {
      if (top?.kind === 'array') top.index += 1;
      else if (top?.kind === 'object') top.key = undefined;
      return undefined;
    }
    if (c === '}' || c === ']') {
      if (top?.kind !== (c === '}' ? 'object' : 'array')) return this.fail(`unexpected ${JSON.stringify(c)}`);
      this.pop();
      return undefined;
    }
    // The start of a value.
    const path = top ? [...top.path, top.kind === 'object' ? top.key! : top.index] : [];
    if (!top) {
      if (this.started) return this.fail(`unexpected ${JSON.stringify(c)} after the end of the JSON value`);
      if (c !== '{' && c !== '[') return this.fail(`not JSON: expected { or [ at the start, got ${JSON.stringify(c)}`);
      this.started = true;
    }
    if (this.options.wanted(path)) {
      const scalar = c !== '{' && c !== '[' && c !== '"';
      const token: Capture = { kind: 'capture', path, line: this.line, depth: 0, inString: false, escaped: false, scalar, parts: [], size: 0 };
      // The first character opens the nesting or the string the capture then follows.
      if (!scalar) this.captureChar(token, c);
      this.token = token;
      return undefined;
    }
    if (c === '{' || c === '[') this.stack.push({ kind: c === '{' ? 'object' : 'array', path, key: undefined, index: 0 });
    else if (c === '"') this.token = { kind: 'skipString', escaped: false };
    else this.token = { kind: 'skipScalar' };
    return undefined;
  }

  /** Follows one character of a picked object, array or string; true at its last character. */
  private captureChar(t: Capture, c: string): boolean {
    if (c === '\n') this.line += 1;
    if (t.inString) {
      if (t.escaped) t.escaped = false;
      else if (c === '\\') t.escaped = true;
      else if (c === '"') {
        t.inString = false;
        return t.depth === 0;
      }
      return false;
    }
    if (c === '"') t.inString = true;
    else if (c === '{' || c === '[') t.depth += 1;
    else if (c === '}' || c === ']') {
      t.depth -= 1;
      return t.depth === 0;
    }
    return false;
  }

  private keep(t: Capture, text: string): void {
    t.size += text.length;
    if (t.size <= this.maxValueChars) t.parts.push(text);
    else t.parts.length = 0;
  }

  private finish(t: Capture): PickedValue {
    this.token = { kind: 'none' };
    if (!this.top()) this.done = true;
    return { path: t.path, line: t.line, ...(t.size <= this.maxValueChars ? { json: t.parts.join('') } : {}) };
  }

  private pop(): void {
    this.stack.pop();
    if (this.stack.length === 0) this.done = true;
  }

  private top(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }

  private fail(error: string): PickError {
    this.failed = { line: this.line, error };
    return this.failed;
  }
}

/** A key's text between the quotes, with its escapes resolved; undefined if they are invalid. */
function decodeKey(raw: string): string | undefined {
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return undefined;
  }
}
