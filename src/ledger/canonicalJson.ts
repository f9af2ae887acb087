/**
 * The RFC 8785 (JCS) text of JSON data, exactly as the `canonicalize` package writes it (keys in
 * UTF-16 code unit order, numbers and strings as JSON.stringify writes them; NaN, Infinity, lone
 * surrogates and cycles refused), about half again as fast: strings are checked with the engine's
 * own isWellFormed instead of a loop over their characters. Verifying a chain of millions of
 * entries is mostly this. test/ledger/canonicalJson.test.ts holds it to the package's output.
 */
export function canonicalJson(value: unknown): string | undefined {
  const text = plainJson(value, 0);
  // A lone surrogate comes out as the escape \udxxx (RFC 8785 refuses it); "\\ud…" (an escaped
  // backslash before "ud") looks the same here and is merely encoded the slow way.
  if (text !== undefined && !text.includes('\\ud')) return text;
  return encode(value, []);
}

/**
 * What JSON.stringify writes a string with other than itself in quotes: a quote, a backslash, a
 * control character (escaped) or a surrogate (a lone one is escaped; pairs, rarer, go the same
 * way). A string without any is written by hand, a call of JSON.stringify spared for most.
 */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** Deeper data (or a cycle) is left to `encode`, which names the cycle. */
const PLAIN_DEPTH = 64;

/**
 * The RFC 8785 text of plain JSON data (what JSON.parse gives: strings, finite numbers, booleans,
 * null, arrays and plain objects), several times faster than `encode`: each object is written by
 * a function made once for its list of keys (a ledger has a few dozen), which writes its members
 * in sorted order without sorting or listing them again. Undefined for anything else (undefined
 * and symbol members, functions, a toJSON, objects that are not plain, a `__proto__` key, data
 * nested deeper than PLAIN_DEPTH), which `encode` writes or refuses.
 */
function plainJson(value: unknown, depth: number): string | undefined {
  switch (typeof value) {
    case 'string':
      return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : undefined;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      return undefined;
  }
  if (value === null) return 'null';
  if (depth >= PLAIN_DEPTH) return undefined;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return undefined;
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const item = plainJson(value[i], depth + 1);
      if (item === undefined) return undefined;
      out += i > 0 ? `,${item}` : item;
    }
    return `${out}]`;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if ((proto !== Object.prototype && proto !== null) || typeof (value as { toJSON?: unknown }).toJSON === 'function') return undefined;
  const keys = Object.keys(value);
  // The writer for this list of keys: found by walking a tree of the lists seen, a key at a time
  // (keys are mostly the engine's interned strings, whose hashes are kept), instead of joining
  // the keys into one new string to look it up by.
  let node: WriterNode | undefined = writerTree;
  for (let i = 0; i < keys.length && node !== undefined; i++) node = node.next?.get(keys[i]!);
  let write = node?.write;
  if (write === undefined) {
    if (keys.includes('__proto__')) return undefined;
    // Data with ever new lists of keys (maps by id) is written without making a function for each.
    if (writerCount >= MAX_OBJECT_WRITERS) return sortedMembers(value as Record<string, unknown>, keys, depth + 1);
    write = objectWriter(keys);
    keepWriter(keys, write);
  }
  return write(value as Record<string, unknown>, depth + 1, plainJson);
}

/** A list of keys so far (from the root): the writer for exactly this list, and the lists that go on. */
interface WriterNode {
  write?: ObjectWriter;
  next?: Map<string, WriterNode>;
}

/** Writers of objects by their list of keys, in the order Object.keys lists them. */
const writerTree: WriterNode = {};
let writerCount = 0;

function keepWriter(keys: readonly string[], write: ObjectWriter): void {
  let node = writerTree;
  for (const key of keys) {
    node.next ??= new Map();
    let child = node.next.get(key);
    if (child === undefined) node.next.set(key, (child = {}));
    node = child;
  }
  node.write = write;
  writerCount += 1;
}

/** An object's members in sorted order, for a list of keys that has no writer of its own. */
function sortedMembers(object: Record<string, unknown>, keys: string[], depth: number): string | undefined {
  keys.sort();
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const item = plainJson(object[keys[i]!], depth);
    if (item === undefined) return undefined;
    out += `${i > 0 ? ',' : ''}${JSON.stringify(keys[i])}:${item}`;
  }
  return `${out}}`;
}

type ObjectWriter = (object: Record<string, unknown>, depth: number, json: typeof plainJson) => string | undefined;

const MAX_OBJECT_WRITERS = 1000;

/**
 * The writer of objects with exactly these keys (in this order, as Object.keys lists them): their
 * members in UTF-16 code unit order of their keys, each key written as JSON.stringify writes it.
 * Generated code reads each member once by its key, given as a JSON string literal.
 */
function objectWriter(keys: readonly string[]): ObjectWriter {
  const sorted = [...keys].sort();
  if (sorted.length === 0) return () => '{}';
  const reads = sorted.map((key, i) => `const v${i} = json(o[${JSON.stringify(key)}], d); if (v${i} === undefined) return undefined;`);
  const text = sorted.map((key, i) => `${JSON.stringify(`${i > 0 ? ',' : '{'}${JSON.stringify(key)}:`)} + v${i}`).join(' + ');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- made from keys written as JSON string literals only
  return new Function('o', 'd', 'json', `${reads.join('\n')}\nreturn ${text} + '}';`) as ObjectWriter;
}

/** `open`: the objects being written around this one (a cycle comes back to one of them). */
/** ES2024's String.prototype.isWellFormed (Node 20 has it; the project's lib is ES2023). */
type WellFormedCheck = string & { isWellFormed(): boolean };

function encode(value: unknown, open: object[]): string | undefined {
  switch (typeof value) {
    case 'string':
      if (!(value as WellFormedCheck).isWellFormed()) throw new Error('Lone surrogate is not allowed');
      return JSON.stringify(value);
    case 'number':
      if (Number.isNaN(value)) throw new Error('NaN is not allowed');
      if (!Number.isFinite(value)) throw new Error('Infinity is not allowed');
      return JSON.stringify(value);
    case 'object':
      return value === null ? 'null' : encodeObject(value, open);
    default:
      return JSON.stringify(value);
  }
}

function encodeObject(object: object, open: object[]): string | undefined {
  // A short list: data nests a few levels deep, so a scan beats a Set's hashing.
  if (open.includes(object)) throw new Error('Circular reference detected');
  open.push(object);
  try {
    const toJSON = (object as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return encode(toJSON.call(object), open);
    if (Array.isArray(object)) {
      let out = '[';
      for (let i = 0; i < object.length; i++) {
        const item: unknown = object[i];
        out += `${i > 0 ? ',' : ''}${encode(item === undefined || typeof item === 'symbol' ? null : item, open) ?? ''}`;
      }
      return `${out}]`;
    }
    const record = object as Record<string, unknown>;
    let out = '{';
    let first = true;
    for (const key of Object.keys(record).sort()) {
      const item = record[key];
      if (item === undefined || typeof item === 'symbol') continue;
      out += `${first ? '' : ','}${encode(key, open)}:${encode(item, open)}`;
      first = false;
    }
    return `${out}}`;
  } finally {
    open.pop();
  }
}
