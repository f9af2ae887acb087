import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Document, isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import type { FileRead } from '../../debunks/checkDebunkFiles.js';
import { entryAsLoaded } from '../../debunks/checkDebunkFile.js';
import { checkDebunkReads } from '../../debunks/checkDebunkReads.js';
import { shownFile } from '../../debunks/debunkFolder.js';
import { debunkVersion } from '../../debunks/debunkVersion.js';
import { describeIssues } from '../../debunks/describeIssues.js';
import { formatProblem, LOAD_PROBLEM_CODES, loadDebunks, type LoadProblem } from '../../debunks/loadDebunks.js';
import { formatFieldPath } from '../../debunks/loadProblem.js';
import { parseSource } from '../../debunks/parseSource.js';
import { readDebunkFiles } from '../../debunks/readDebunkFiles.js';
import { DebunkSchema, type Debunk } from '../../debunks/schema.js';
import { KeyedLock } from '../../lib/keyedLock.js';
import type { DebunkLibrary } from '../../review/debunkLibrary.js';
import { formText } from './formText.js';

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
  for (const field of DEBUNK_FORM_FIELDS) form[field] = typeof body[field] === 'string' ? formText(body[field] as string) : '';
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

/** Why a save was refused. */
export const SAVE_REFUSALS = {
  /** The folder would not load with the entry (or the entry is not valid): `problems` says why. */
  invalid: 'invalid',
  /** The entry was saved by someone else after the form was opened: `current` is what is stored now. */
  changedMeanwhile: 'changed_meanwhile',
  /** The entry being edited is no longer in the database (removed or renamed meanwhile). */
  gone: 'gone',
} as const;
export type SaveRefusal = (typeof SAVE_REFUSALS)[keyof typeof SAVE_REFUSALS];

export type SaveRefused = {
  ok: false;
  reason: SaveRefusal;
  problems: string[];
  /** By the entry's field, for the form. */
  byField: Map<string, string[]>;
  /** For `changed_meanwhile`: the entry as stored now. */
  current?: Debunk;
  /** For `invalid`: the problems as the loader found them, for the form to say in the admin's words. */
  found?: readonly LoadProblem[];
};

export type SaveOutcome = { ok: true; file: string; debunks: Debunk[] } | SaveRefused;

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

  /**
   * `version`: the {@link debunkVersion} of the entry `replacing` when its form was opened; the
   * save is refused (`changed_meanwhile`) when the entry in its file is another by now.
   */
  save(entry: Record<string, unknown>, replacing?: string, version?: string): Promise<SaveOutcome> {
    return this.lock.run('folder', () => this.saveNow(entry, replacing, version));
  }

  private async saveNow(entry: Record<string, unknown>, replacing: string | undefined, version: string | undefined): Promise<SaveOutcome> {
    const folder = await readDebunkFiles(this.dir, this.cwd);
    if (!folder.ok) return refused(folder.problems);
    const reads = folder.reads;
    let target: { file: string; text: string | undefined } | undefined;
    if (replacing) {
      const found = fileHolding(reads, replacing);
      if (!found) return { ok: false, reason: SAVE_REFUSALS.gone, problems: [`${this.dir}: no entry "${replacing}"`], byField: new Map([['id', [`no entry "${replacing}"`]]]) };
      // Checked under the lock, so of two saves from forms opened on one version only the first is written.
      const current = entryAsLoaded(found.entry);
      if (version !== undefined && (current === undefined || debunkVersion(current) !== version)) {
        return { ok: false, reason: SAVE_REFUSALS.changedMeanwhile, problems: [], byField: new Map(), ...(current ? { current } : {}) };
      }
      target = { file: found.file, text: found.text };
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

/**
 * Saves an edit of an entry review wrote (an accepted report): such entries are kept in the
 * shared store, not in a file of the folder, so the edit goes where the entry is, validated by
 * the schema the files are held to, with the group it serves kept. `version` as for
 * {@link DebunkEditor.save}.
 */
export async function saveLearned(library: DebunkLibrary, entry: Record<string, unknown>, replacing: string, version?: string): Promise<{ ok: true; file: string; debunks?: undefined } | SaveRefused> {
  const parsed = DebunkSchema.safeParse(entry);
  const where = LEARNED_PLACE;
  if (!parsed.success) {
    return refused(
      describeIssues(parsed.error.issues, DebunkSchema, entry).map((issue) => ({
        file: where,
        entryId: typeof entry.id === 'string' && entry.id !== '' ? entry.id : replacing,
        ...(issue.path.length > 0 ? { field: formatFieldPath(issue.path) } : {}),
        message: issue.message,
        code: issue.code,
      })),
    );
  }
  const revised = await library.revise(replacing, parsed.data, version);
  if (revised.ok) return { ok: true, file: where };
  switch (revised.reason) {
    case 'changed_meanwhile':
      return { ok: false, reason: SAVE_REFUSALS.changedMeanwhile, problems: [], byField: new Map(), current: revised.current };
    case 'gone':
      return { ok: false, reason: SAVE_REFUSALS.gone, problems: [`${where}: no entry "${replacing}"`], byField: new Map([['id', [`no entry "${replacing}"`]]]) };
    case 'duplicate':
      return refused([{ file: where, entryId: parsed.data.id, field: 'id', message: `duplicate id: "${parsed.data.id}" is taken`, code: LOAD_PROBLEM_CODES.duplicateId }]);
  }
}

/** Where entries accepted in review are kept, as problems and the ledger name it. */
export const LEARNED_PLACE = 'accepted reports (store)';

function refused(problems: readonly LoadProblem[]): SaveRefused {
  const byField = new Map<string, string[]>();
  for (const p of problems) {
    const field = p.field?.split(/[.[]/)[0] ?? '';
    byField.set(field, [...(byField.get(field) ?? []), p.field ? `${p.field}: ${p.message}` : p.message]);
  }
  return { ok: false, reason: SAVE_REFUSALS.invalid, problems: problems.map(formatProblem), byField, found: problems };
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
function fileHolding(reads: readonly FileRead[], id: string): { file: string; text: string; entry: unknown } | undefined {
  const texts = reads.flatMap((r) => ('text' in r ? [r] : []));
  const literal = (r: { text: string }) => r.text.includes(id);
  for (const r of [...texts.filter(literal), ...texts.filter((r) => !literal(r))]) {
    const entry = entryWithId(r.file, r.text, id);
    if (entry !== undefined) return { file: r.file, text: r.text, entry };
  }
  return undefined;
}

/** The file's entry (as parsed, not yet validated) whose id is `id`. */
function entryWithId(file: string, text: string, id: string): unknown {
  const parsed = parseSource(text, file.toLowerCase().endsWith('.json') ? 'json' : 'yaml');
  if (!parsed.ok) return undefined;
  return (entriesOf(parsed.source.data) ?? []).find((e) => e !== null && typeof e === 'object' && (e as { id?: unknown }).id === id);
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
