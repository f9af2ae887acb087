import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';

/** A path into parsed data, as zod reports it: keys and list indexes. */
export type DataPath = readonly (string | number)[];

/** A debunk file parsed into plain data that can still say on which line each part was written. */
export interface ParsedSource {
  data: unknown;
  /**
   * 1-based line of the part at `path`: the key's line for a mapping field, the item's line for a
   * list item. A part that is missing gets the line of its nearest existing parent, so a missing
   * field points at the entry that lacks it.
   */
  lineOf(path: DataPath): number;
}

/** A syntax error, with the parser's own message. */
export interface SourceSyntaxError {
  line: number;
  message: string;
}

export type ParseResult = { ok: true; source: ParsedSource } | { ok: false; errors: SourceSyntaxError[] };

export type SourceFormat = 'yaml' | 'json';

/**
 * Parses YAML or JSON text. JSON is parsed by `JSON.parse`, so a file that claims to be JSON must
 * be JSON; it is parsed again as YAML (JSON is almost a subset) only to learn where each value is.
 */
export function parseSource(text: string, format: SourceFormat): ParseResult {
  const lineCounter = new LineCounter();
  const line = (offset: number) => lineCounter.linePos(offset).line;
  // JSON allows repeated keys (the last wins); the position map must not reject what JSON.parse took.
  // For JSON the position map is made only when a line is asked for (a problem to report): a
  // large valid file is read by JSON.parse alone, in linear time and without a second tree.
  let parsedDoc: Document | undefined;
  const docOf = () => (parsedDoc ??= parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: format === 'yaml' }));

  let data: unknown;
  if (format === 'json') {
    try {
      data = JSON.parse(text);
    } catch (err) {
      return { ok: false, errors: [{ line: jsonErrorLine(text, err), message: jsonErrorMessage(err) }] };
    }
  } else {
    const doc = docOf();
    if (doc.errors.length > 0) {
      return { ok: false, errors: doc.errors.map((e) => ({ line: line(e.pos[0]), message: e.message })) };
    }
    try {
      data = doc.toJS();
    } catch (err) {
      // An alias to an anchor that is never set, or too many aliases (the "billion laughs" guard).
      return { ok: false, errors: [{ line: 1, message: errorMessage(err) }] };
    }
  }
  // Each mapping's keys indexed once, so finding the lines of many keys stays linear.
  const index = new WeakMap<object, Map<string, Pair>>();
  return { ok: true, source: { data, lineOf: (path) => lineOfPath(docOf(), path, line, index) } };
}

function pairsOf(map: YAMLMap, index: WeakMap<object, Map<string, Pair>>): Map<string, Pair> {
  let pairs = index.get(map);
  if (!pairs) {
    pairs = new Map();
    // The first pair of a key, as a find() over the items would give.
    for (const p of map.items) if (isScalar(p.key) && !pairs.has(String(p.key.value))) pairs.set(String(p.key.value), p);
    index.set(map, pairs);
  }
  return pairs;
}

function lineOfPath(doc: Document, path: DataPath, line: (offset: number) => number, index: WeakMap<object, Map<string, Pair>>): number {
  let node: unknown = doc.contents;
  let found = startLine(node, line) ?? 1;
  for (const seg of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = pairsOf(node as YAMLMap, index).get(String(seg));
      if (!pair) break;
      found = startLine(pair.key, line) ?? found;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      if (node === undefined) break;
      found = startLine(node, line) ?? found;
    } else {
      break;
    }
  }
  return found;
}

function startLine(node: unknown, line: (offset: number) => number): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? line(range[0]) : undefined;
}

/**
 * The line of a JSON error. Node 20 gives some as "... in JSON at position 42"; an unexpected token
 * as "Unexpected token 'm', ...\"everity\": medium,\n  \"... is not valid JSON", an excerpt of the
 * text around it (ten characters before it when cut, else the whole text): the excerpt is found in
 * the text and the token looked for from there, outside strings. Without either, blame the end.
 */
function jsonErrorLine(text: string, err: unknown): number {
  const message = errorMessage(err);
  const match = /at position (\d+)/.exec(message);
  const offset = match ? Number(match[1]) : (unexpectedTokenOffset(text, message) ?? text.length);
  return text.slice(0, offset).split('\n').length;
}

const UNEXPECTED_TOKEN = /^Unexpected token '([^']+)', (?:\.\.\.)?"?([\s\S]*?)"?(?:\.\.\.)?"? is not valid JSON$/;

function unexpectedTokenOffset(text: string, message: string): number | undefined {
  const m = UNEXPECTED_TOKEN.exec(message);
  if (!m) return undefined;
  const [, token, excerpt] = m as unknown as [string, string, string];
  const cut = /^Unexpected token '[^']+', \.\.\./.test(message);
  const at = excerpt.length > 0 ? text.indexOf(excerpt.replace(/"$/, '')) : -1;
  const from = at < 0 ? 0 : cut ? at + 10 : at;
  // The first place the token stands outside a string from there.
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (text.startsWith(token, i)) {
      return i;
    }
  }
  return undefined;
}

/** The position is shown as a line already; drop V8's character offset from the message. */
function jsonErrorMessage(err: unknown): string {
  const message = errorMessage(err);
  // The excerpt V8 quotes may span lines: the line number says where, and the message stays one line.
  const token = UNEXPECTED_TOKEN.exec(message);
  if (token) return `Unexpected token '${token[1]}': not valid JSON`;
  return message.replace(/ at position \d+( \(line \d+ column \d+\))?/, '');
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
