import type { LoadProblem } from '../../debunks/loadProblem.js';
import { DebunkSchema } from '../../debunks/schema.js';
import type { TextKey, Translate } from '../texts.js';
import { plainProblem } from './plainProblems.js';

/** What the debunk form shows of a refused save: a list above the form, and each field's own. */
export interface DebunkFormProblems {
  problems: string[];
  byField: Map<string, string[]>;
}

/** The form's fields by the entry's field that problems name (for the list above the form). */
const FIELD_LABELS: Readonly<Record<string, TextKey>> = {
  id: 'id',
  claim: 'claim',
  variants: 'fieldVariants',
  verdict: 'verdict',
  refutation: 'fieldRefutation',
  sources: 'fieldSources',
  tags: 'fieldTags',
  severity: 'severity',
  lang: 'lang',
  published: 'fieldPublished',
  expires: 'fieldExpires',
};

const SOURCE_PARTS: Readonly<Record<string, TextKey>> = { title: 'sourceTitle', url: 'sourceUrl', publisher: 'sourcePublisher', date: 'sourceDate' };

/** "db/examples.yaml, line 12": where an admin finds an entry that is not the one in the form. */
const place = (t: Translate, file: string, line: number | undefined) => (line === undefined ? file : t('problemPlace', { file, line }));

/**
 * A problem of a field, as the form says it beside that field: a list's item by its line (the
 * form writes one a line), a source's part by name ("line 1, web address: not a web address …").
 */
function fieldText(t: Translate, field: string, message: string): string {
  const problem = plainProblem(t, message);
  const source = /^sources\[(\d+)\]\.(\w+)$/.exec(field);
  if (source) {
    const part = SOURCE_PARTS[source[2]!];
    return t('problemSourceLine', { n: Number(source[1]) + 1, part: part ? t(part) : source[2]!, problem });
  }
  const item = /^(?:variants|sources)\[(\d+)\]$/.exec(field);
  if (item) return t('problemLine', { n: Number(item[1]) + 1, problem });
  const tag = /^tags\[(\d+)\]$/.exec(field);
  if (tag) return t('problemTag', { n: Number(tag[1]) + 1, problem });
  if (field === 'refutation.en' || field === 'refutation.zh') return t('problemOfField', { field: t(field === 'refutation.en' ? 'refutationEn' : 'refutationZh'), problem });
  const top = field.split(/[.[]/)[0]!;
  // A deeper path the form has no words for is named as it is.
  return field === top ? problem : t('problemOfField', { field: field.slice(top.length).replace(/^\./, ''), problem });
}

/** Two entries with one id: both places, so the admin can find the other. */
function duplicateText(t: Translate, p: LoadProblem): string | undefined {
  const earlier = /^duplicate of (.+):(\d+)$/.exec(p.message);
  if (earlier) return t('problemDuplicateId', { id: p.entryId ?? '', here: place(t, p.file, p.line), there: place(t, earlier[1]!, Number(earlier[2])) });
  const taken = /^duplicate id: "(.*)" is taken$/.exec(p.message);
  return taken ? t('problemIdTaken', { id: taken[1]! }) : undefined;
}

/**
 * A refused save's problems (LoadProblem, as the loader found them) in the admin's words and
 * language. Those of the entry in the form are said by the form's field names, without file and
 * line (QA: "rules/debunks/dashboard.yaml:4 entry #1: id: …"); those of another entry or file
 * keep where it is, which is what the admin needs to find it.
 */
export function debunkFormProblems(t: Translate, found: readonly LoadProblem[], formId: string): DebunkFormProblems {
  const id = formId.trim();
  // An entry whose id is not valid is named by its place in its file, not by its id.
  const idValid = DebunkSchema.shape.id.safeParse(id).success;
  const problems: string[] = [];
  const byField = new Map<string, string[]>();
  for (const p of found) {
    const own = p.entryId !== undefined ? p.entryId === id : !idValid && p.entryIndex !== undefined;
    const duplicate = duplicateText(t, p);
    const top = p.field?.split(/[.[]/)[0] ?? '';
    const text = duplicate ?? (p.field ? fieldText(t, p.field, p.message) : plainProblem(t, p.message));
    const label = FIELD_LABELS[top];
    // A refutation in one language is said under that language's field, named once (browser QA:
    // under both fields, and "Refutation: Refutation (English): …" in the list).
    const language = /^refutation\.(en|zh)$/.exec(p.field ?? '')?.[1];
    const said = p.field && !duplicate && !language ? t('problemOfField', { field: label ? t(label) : top, problem: text }) : text;
    if (own || duplicate) {
      problems.push(said);
      const key = language ? `refutation.${language}` : top;
      byField.set(key, [...(byField.get(key) ?? []), text]);
    } else {
      const entry = p.entryId !== undefined ? `"${p.entryId}"` : p.entryIndex !== undefined ? `#${p.entryIndex}` : undefined;
      problems.push(entry ? t('problemElsewhere', { place: place(t, p.file, p.line), entry, problem: said }) : t('problemOfField', { field: place(t, p.file, p.line), problem: said }));
    }
  }
  return { problems, byField };
}
