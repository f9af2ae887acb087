/**
 * The RFC 8785 (JCS) text of JSON data, exactly as the `canonicalize` package writes it (keys in
 * UTF-16 code unit order, numbers and strings as JSON.stringify writes them; NaN, Infinity, lone
 * surrogates and cycles refused), about half again as fast: strings are checked with the engine's
 * own isWellFormed instead of a loop over their characters. Verifying a chain of millions of
 * entries is mostly this. test/ledger/canonicalJson.test.ts holds it to the package's output.
 */
export function canonicalJson(value: unknown): string | undefined {
  const copy = sortedCopy(value, 0);
  if (copy !== UNSUITED) {
    const text = JSON.stringify(copy);
    // A lone surrogate comes out as the escape \udxxx (RFC 8785 refuses it); "\\ud…" (an escaped
    // backslash before "ud") looks the same here and is merely encoded the slow way.
    if (text === undefined || !text.includes('\\ud')) return text;
  }
  return encode(value, []);
}

/** What sortedCopy gives for data the engine's JSON.stringify would not write as RFC 8785 does. */
const UNSUITED = Symbol('unsuited');
/** Deeper data (or a cycle) is left to `encode`, which names the cycle. */
const COPY_DEPTH = 64;

/**
 * Plain JSON-like data with every object's keys put in RFC 8785 order, for the engine's own
 * JSON.stringify to write: the same text as `encode`, several times faster (verifying a chain of a
 * million entries is mostly this). UNSUITED for anything JSON.stringify would write differently:
 * numbers that are not finite, functions, bigints, objects that are not plain (a toJSON, a Date, a
 * boxed string), keys that are array indices (an object lists those first, in numeric order) or
 * `__proto__`, and data nested deeper than COPY_DEPTH.
 */
function sortedCopy(value: unknown, depth: number): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : UNSUITED;
    case 'undefined':
    case 'symbol':
      // Left out of objects, null in arrays: as `encode` does.
      return undefined;
    case 'object':
      break;
    default:
      return UNSUITED;
  }
  if (value === null) return null;
  if (depth >= COPY_DEPTH) return UNSUITED;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return UNSUITED;
    const out: unknown[] = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = sortedCopy(value[i], depth + 1);
      if (item === UNSUITED) return UNSUITED;
      out[i] = item;
    }
    return out;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return UNSUITED;
  const record = value as Record<string, unknown>;
  if (typeof record.toJSON === 'function') return UNSUITED;
  const keys = Object.keys(record);
  let sorted = true;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const first = key.charCodeAt(0);
    if ((first >= 48 && first <= 57) || key === '__proto__') return UNSUITED;
    if (i > 0 && keys[i - 1]! > key) sorted = false;
  }
  if (!sorted) keys.sort();
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const item = sortedCopy(record[key], depth + 1);
    if (item === UNSUITED) return UNSUITED;
    if (item !== undefined) out[key] = item;
  }
  return out;
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
