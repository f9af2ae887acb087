import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Document, isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import type { FileRead } from '../../debunks/checkDebunkFiles.js';
import { checkDebunkReads } from '../../debunks/checkDebunkReads.js';
import { shownFile } from '../../debunks/debunkFolder.js';
import { formatProblem, loadDebunks, type LoadProblem } from '../../debunks/loadDebunks.js';
import { parseSource } from '../../debunks/parseSource.js';
import { readDebunkFiles } from '../../debunks/readDebunkFiles.js';
import type { Debunk } from '../../debunks/schema.js';
import { KeyedLock } from '../../lib/keyedLock.js';

/** The file in the database folder that entries added in the dashboard go to. */
export const DASHBOARD_FILE = 'dashboard.yaml';

/** The debunk form as submitted: every field as text. */
export interface DebunkForm {
  id: string;
  claim: string;
  variants: string;
  verdict: string;
  refutationEn: string;
  refutationZh: string;
  sources: string;
  tags: string;
  severity: string;
  lang: string;
  published: string;
  expires: string;
}

export const DEBUNK_FORM_FIELDS = ['id', 'claim', 'variants', 'verdict', 'refutationEn', 'refutationZh', 'sources', 'tags', 'severity', 'lang', 'published', 'expires'] as const;

const lines = (text: string) =>
  text
    .split(/[\r\n]+/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** An entry as the form shows it. */
export function debunkToForm(d: Debunk): DebunkForm {
  const refutation = typeof d.refutation === 'string' ? { [d.lang.startsWith('zh') ? 'zh' : 'en']: d.refutation } : d.refutation;
  return {
    id: d.id,
    claim: d.claim,
    variants: d.variants.join('\n'),
    verdict: d.verdict,
    refutationEn: refutation.en ?? '',
    refutationZh: refutation.zh ?? refutation['zh-Hans'] ?? refutation['zh-Hant'] ?? '',
    sources: d.sources.map((s) => [s.title, s.url, s.publisher ?? ''].join(' | ').replace(/ \| $/, '')).join('\n'),
    tags: d.tags.join(', '),
    severity: d.severity,
    lang: d.lang,
    published: d.published,
    expires: d.expires ?? '',
  };
}

export function readDebunkForm(body: Record<string, unknown>): DebunkForm {
  const form = {} as DebunkForm;
  for (const field of DEBUNK_FORM_FIELDS) form[field] = typeof body[field] === 'string' ? (body[field] as string) : '';
  return form;
}

/**
 * The form as an entry in the files' own fields. Nothing is checked here: the entry is written
 * into its file's text and the whole folder is validated as the loader validates it, so the
 * dashboard can store nothing `rumorguard db validate` would refuse. Refutations in languages
 * the form does not show are kept.
 */
export function formToEntry(form: DebunkForm, before?: Debunk): Record<string, unknown> {
  const kept = before && typeof before.refutation === 'object' ? Object.fromEntries(Object.entries(before.refutation).filter(([k]) => k !== 'en' && k !== 'zh')) : {};
  const refutation = { ...kept, ...(form.refutationEn.trim() ? { en: form.refutationEn.trim() } : {}), ...(form.refutationZh.trim() ? { zh: form.refutationZh.trim() } : {}) };
  const sources = lines(form.sources).map((line) => {
    const [title = '', url = '', publisher = ''] = line.split('|').map((p) => p.trim());
    return { title, url, ...(publisher ? { publisher } : {}) };
  });
  const tags = form.tags
    .split(/[,，]/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
  return {
    id: form.id.trim(),
    claim: form.claim.trim(),
    ...(lines(form.variants).length > 0 ? { variants: lines(form.variants) } : {}),
    verdict: form.verdict.trim(),
    // Empty: the loader says "must not be empty" about the refutation, where the admin can see it.
    refutation: Object.keys(refutation).length > 0 ? refutation : '',
    sources,
    ...(tags.length > 0 ? { tags } : {}),
    severity: form.severity.trim() || 'medium',
    lang: form.lang.trim(),
    published: form.published.trim(),
    ...(form.expires.trim() ? { expires: form.expires.trim() } : {}),
    ...(before?.example ? { example: true } : {}),
  };
}

export type SaveOutcome =
  | { ok: true; file: string; debunks: Debunk[] }
  | { ok: false; problems: string[]; /** By the entry's field, for the form. */ byField: Map<string, string[]> };

/**
 * Adds an entry to the dashboard's file (`dashboard.yaml`), or replaces an entry in the file it
 * is written in, then checks the whole folder as the loader does and writes only when it loads.
 * A YAML file keeps its comments and every other entry as written. Writes are atomic (a hidden
 * temporary file renamed over the old one), and one save runs at a time.
 */
export class DebunkEditor {
  private readonly lock = new KeyedLock();

  constructor(
    readonly dir: string,
    private readonly cwd: string = process.cwd(),
  ) {}

  save(entry: Record<string, unknown>, replacing?: string): Promise<SaveOutcome> {
    return this.lock.run('folder', () => this.saveNow(entry, replacing));
  }

  private async saveNow(entry: Record<string, unknown>, replacing: string | undefined): Promise<SaveOutcome> {
    const folder = await readDebunkFiles(this.dir, this.cwd);
    if (!folder.ok) return refused(folder.problems);
    const reads = folder.reads;
    let target: { file: string; text: string | undefined } | undefined;
    if (replacing) {
      const found = fileHolding(reads, replacing);
      target = found && { file: found.file, text: found.text };
      if (!target) return { ok: false, problems: [`${this.dir}: no entry "${replacing}"`], byField: new Map([['id', [`no entry "${replacing}"`]]]) };
    } else {
      const file = shownFile(folder.folder, DASHBOARD_FILE);
      const existing = reads.find((r) => r.file === file);
      target = { file, text: existing && 'text' in existing ? existing.text : undefined };
    }
    const text = target.text === undefined ? newFile(entry) : withEntry(target.file, target.text, entry, replacing);
    const changed: FileRead[] = reads.filter((r) => r.file !== target.file).concat({ file: target.file, text });
    // In a worker thread for a large folder: the dashboard runs in the bot's process.
    const checked = (await checkDebunkReads(changed.sort((a, b) => (a.file < b.file ? -1 : 1)))).result;
    if (!checked.ok) return refused(checked.problems);

    const absolute = path.resolve(this.cwd, this.dir, path.basename(target.file));
    const temporary = path.join(path.dirname(absolute), `.${path.basename(absolute)}.${process.pid}.tmp`);
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, absolute);
    // Another hand may have changed the folder meanwhile: what counts is that it loads now.
    const reloaded = await loadDebunks(this.dir, { cwd: this.cwd });
    if (!reloaded.ok) {
      if (target.text === undefined) await unlink(absolute);
      else await writeFile(absolute, target.text, 'utf8');
      return refused(reloaded.problems);
    }
    return { ok: true, file: target.file, debunks: reloaded.debunks };
  }

  /** The text of every file, for tests and the edit form's "where it is written". */
  async fileText(name: string): Promise<string> {
    return readFile(path.resolve(this.cwd, this.dir, name), 'utf8');
  }
}

function refused(problems: readonly LoadProblem[]): SaveOutcome {
  const byField = new Map<string, string[]>();
  for (const p of problems) {
    const field = p.field?.split(/[.[]/)[0] ?? '';
    byField.set(field, [...(byField.get(field) ?? []), p.field ? `${p.field}: ${p.message}` : p.message]);
  }
  return { ok: false, problems: problems.map(formatProblem), byField };
}

/** The list of entries in a parsed file: the root list, or the list under `debunks:`. */
function entriesOf(data: unknown): unknown[] | undefined {
  if (Array.isArray(data)) return data;
  if (data && typeof data === 'object' && Array.isArray((data as { debunks?: unknown }).debunks)) return (data as { debunks: unknown[] }).debunks;
  return undefined;
}

/**
 * The first file that holds the entry `id`. Only the files whose text has the id in it are
 * parsed at first (a YAML parse of a large file holds up the bot's process for seconds), then,
 * if none holds it, the others: an id may be written with escapes.
 */
function fileHolding(reads: readonly FileRead[], id: string): { file: string; text: string } | undefined {
  const texts = reads.flatMap((r) => ('text' in r ? [r] : []));
  const literal = (r: { text: string }) => r.text.includes(id);
  return texts.filter(literal).find((r) => holdsId(r.file, r.text, id)) ?? texts.filter((r) => !literal(r)).find((r) => holdsId(r.file, r.text, id));
}

function holdsId(file: string, text: string, id: string): boolean {
  const parsed = parseSource(text, file.toLowerCase().endsWith('.json') ? 'json' : 'yaml');
  if (!parsed.ok) return false;
  return (entriesOf(parsed.source.data) ?? []).some((e) => e !== null && typeof e === 'object' && (e as { id?: unknown }).id === id);
}

function newFile(entry: Record<string, unknown>): string {
  const doc = new Document({ debunks: [entry] });
  doc.commentBefore = ' Entries added in the RumorGuard dashboard. Validated like every file here; edit freely.';
  return doc.toString({ lineWidth: 0 });
}

/** The file's text with the entry replaced (or added), everything else as it was written. */
function withEntry(file: string, text: string, entry: Record<string, unknown>, replacing: string | undefined): string {
  if (file.toLowerCase().endsWith('.json')) {
    const data: unknown = JSON.parse(text);
    const list = entriesOf(data) ?? [];
    const i = list.findIndex((e) => (e as { id?: unknown } | null)?.id === replacing);
    if (i >= 0) list[i] = entry;
    else list.push(entry);
    return `${JSON.stringify(data, null, 2)}\n`;
  }
  const doc = parseDocument(text);
  const root = doc.contents;
  const seq = (isSeq(root) ? root : isMap(root) ? root.get('debunks', true) : undefined) as YAMLSeq | undefined;
  if (!isSeq(seq)) {
    // Not a list: write it anyway, so the check names the file's own problem.
    return text;
  }
  const i = replacing === undefined ? -1 : seq.items.findIndex((item) => isMap(item) && item.get('id') === replacing);
  const node = doc.createNode(entry);
  if (i >= 0) {
    // The entry keeps the look it had: the blank line or comment above it, lists written in
    // brackets ("tags: [a, b]") where they were.
    const old = seq.items[i] as YAMLMap;
    node.spaceBefore = old.spaceBefore;
    node.commentBefore = old.commentBefore;
    if (isMap(node)) {
      for (const pair of node.items) {
        const before = old.get(pair.key as never, true);
        if (isSeq(before) && before.flow && isSeq(pair.value)) pair.value.flow = true;
      }
    }
    seq.items[i] = node;
  } else {
    seq.items.push(node);
  }
  // Brackets as the file writes them ("[a, b]", not yaml's default "[ a, b ]"): an edit changes
  // the entry edited, not every list of the file.
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
