import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { scanIncidents } from '../../ledger/scanIncidents.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { importDebunks } from '../../debunks/import/importDebunks.js';
import { IMPORT_FORMAT_NAMES, type ImportFormat } from '../../debunks/import/importFormats.js';
import { formatProblem, loadDebunks } from '../../debunks/loadDebunks.js';
import type { Debunk } from '../../debunks/schema.js';
import { searchDebunks } from '../../cli/db/searchDebunks.js';
import type { DashboardContext, GroupRequestContext } from '../context.js';
import { debunkVersion } from '../../debunks/debunkVersion.js';
import { debunkToForm, formToEntry, readDebunkForm, saveLearned, SAVE_REFUSALS, type DebunkForm } from '../data/debunkEditor.js';
import { debunkFormProblems } from '../data/debunkProblems.js';
import { groupPath } from '../pages/layout.js';
import { debunkFormBody, debunksBody } from '../pages/debunksPage.js';
import { csrfMatches } from '../sessions.js';
import { groupPage, leaveFlash, takeFlash } from './groupPages.js';
import { refuse, seeOther, sendPage } from './respond.js';
import { oversizedText, oversizedUpload, type OversizedUpload } from './uploadLimit.js';
import { rumorsOf } from '../../ledger/incidentRecord.js';

type DebunkRequest = FastifyRequest<{ Params: { group: string; id?: string }; Querystring: { q?: string }; Body: Record<string, unknown> }>;

/** Entries a page lists at most. */
const MAX_LISTED = 200;
/** The largest file an import takes (a fact-checker's feed, not a data dump). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** The form for a new entry, published today (the day it is asked for, not the day the bot started). */
const emptyForm = (now: number): DebunkForm => ({ id: '', claim: '', variants: '', verdict: 'false', refutationEn: '', refutationZh: '', sources: '', tags: '', severity: 'medium', lang: 'en', published: new Date(now).toISOString().slice(0, 10), expires: '' });

/**
 * The shared debunk database: search, how often each entry matched in this group, and for the
 * bot's operators adding, editing and importing entries (validated as the loader validates the
 * files, written to the database folder, swapped into the running engine, ledgered).
 */
export function debunkRoutes(app: FastifyInstance, ctx: DashboardContext): void {
  const engine = ctx.moderator.engine;
  const editable = (c: GroupRequestContext) => ctx.editor !== undefined && ctx.mayEditDebunks(c.session);
  const counts = async (groupId: string) => {
    // One pass over the group's incidents, a page of the chain at a time (see scanIncidents).
    const counted = new Map<string, number>();
    await scanIncidents(ctx.ledger, groupId, () => {
      counted.clear();
      return { add: (v) => rumorsOf(v.entry.record).forEach((id) => counted.set(id, (counted.get(id) ?? 0) + 1)), result: () => undefined };
    });
    return counted;
  };
  const listPage = async (req: DebunkRequest, c: GroupRequestContext, importProblems?: readonly string[], importForm?: { format?: string; lang?: string }) => {
    const query = typeof req.query.q === 'string' ? req.query.q.slice(0, 200) : '';
    const all = [...engine.debunks()];
    const counted = await counts(c.group.id);
    const byId = new Map(all.map((d) => [d.id, d]));
    // A search lists only the entries that match it (none, when nothing does), best first.
    const found = query ? searchDebunks(all, query, all.length) : undefined;
    const listed: Debunk[] = found
      ? found.slice(0, MAX_LISTED).flatMap((h) => (byId.has(h.id) ? [byId.get(h.id)!] : []))
      : [...all].sort((a, b) => (counted.get(b.id) ?? 0) - (counted.get(a.id) ?? 0) || (a.id < b.id ? -1 : 1)).slice(0, MAX_LISTED);
    const body = debunksBody(c, {
      query,
      listed,
      retired: (await ctx.moderator.review?.retiredIn(c.group.id)) ?? new Set(),
      total: all.length,
      ...(found ? { matching: found.length } : {}),
      counts: counted,
      editable: editable(c),
      ...(importProblems ? { importProblems } : {}),
      ...(importForm ? { importForm } : {}),
    });
    return groupPage(c, req, 'debunks', c.t('debunks'), body, { flash: await takeFlash(ctx, c) });
  };

  app.get('/debunks', async (req: DebunkRequest, reply) => sendPage(reply, await listPage(req, req.dash)));

  app.get('/debunks/new', async (req: DebunkRequest, reply) => {
    const c = req.dash;
    if (!editable(c)) return refuse(reply, 403, c.session.lang, c.t('debunks'), c.t('readOnly'), c.session);
    return sendPage(reply, groupPage(c, req, 'debunks', c.t('addEntry'), debunkFormBody(c, { form: emptyForm(ctx.now()), editable: true })));
  });

  app.get('/debunks/:id', async (req: DebunkRequest, reply) => {
    const c = req.dash;
    const debunk = engine.debunk(req.params.id ?? '');
    if (!debunk) return refuse(reply, 404, c.session.lang, c.t('debunks'), c.t('noSuchDebunk', { id: req.params.id ?? '' }), c.session);
    const form = debunkToForm(debunk);
    // A feed's entry is the feed's: its next poll would undo an edit made here.
    const fromFeed = ctx.moderator.library?.sourceOf(debunk.id) === 'feed';
    const body = debunkFormBody(c, { form, replacing: debunk.id, version: debunkVersion(debunk), editable: editable(c) && !fromFeed, ...(fromFeed ? { note: c.t('debunkFromFeed') } : {}) });
    return sendPage(reply, groupPage(c, req, 'debunks', c.t('editEntry', { id: debunk.id }), body));
  });

  app.post('/debunks', async (req: DebunkRequest, reply) => {
    const c = req.dash;
    if (!editable(c) || !ctx.editor) return refuse(reply, 403, c.session.lang, c.t('debunks'), c.t('readOnly'), c.session);
    const form = readDebunkForm(req.body);
    const text = (name: string) => (typeof req.body[name] === 'string' && req.body[name] !== '' ? (req.body[name] as string) : undefined);
    const replacing = text('replacing');
    const version = text('version');
    const library = ctx.moderator.library;
    const before = replacing ? engine.debunk(replacing) : undefined;
    const source = replacing ? library?.sourceOf(replacing) : undefined;
    const title = replacing ? c.t('editEntry', { id: replacing }) : c.t('addEntry');
    if (source === 'feed') {
      return sendPage(reply, groupPage(c, req, 'debunks', title, debunkFormBody(c, { form, editable: false, note: c.t('debunkFromFeed') })), 422);
    }
    const entry = formToEntry(form, before);
    // An entry accepted in review is kept in the store, not in a file: it is changed where it is.
    const saved = replacing && library && source === 'review' ? await saveLearned(library, entry, replacing, version) : await ctx.editor.save(entry, replacing, version);
    if (!saved.ok) {
      const again = { form, editable: true } as const;
      if (saved.reason === SAVE_REFUSALS.changedMeanwhile && replacing) {
        // The admin's values stay in the form; saved again, they replace what is stored now (shown).
        const current = saved.current;
        const body = debunkFormBody(c, { ...again, replacing, ...(current ? { version: debunkVersion(current), current: debunkToForm(current) } : {}), conflict: c.t('debunkChangedMeanwhile', { id: replacing }) });
        return sendPage(reply, groupPage(c, req, 'debunks', title, body), 409);
      }
      if (saved.reason === SAVE_REFUSALS.gone && replacing) {
        // Nothing left to replace: saved again, the values are added as a new entry.
        return sendPage(reply, groupPage(c, req, 'debunks', c.t('addEntry'), debunkFormBody(c, { ...again, conflict: c.t('debunkGone', { id: replacing }) })), 409);
      }
      // In the admin's words and language (see debunkFormProblems).
      const said = saved.found ? debunkFormProblems(c.t, saved.found, form.id) : saved;
      const body = debunkFormBody(c, { ...again, ...(replacing ? { replacing } : {}), ...(version ? { version } : {}), problems: said.problems, byField: said.byField });
      return sendPage(reply, groupPage(c, req, 'debunks', title, body), 422);
    }
    // Through the library when the core has one: review's and the feeds' debunks stay in force.
    if (saved.debunks) await (library?.setFiles(saved.debunks) ?? engine.reload(saved.debunks));
    const id = form.id.trim();
    const detail = replacing ? `changed debunk ${replacing}${replacing === id ? '' : ` (now ${id})`} in ${saved.file}` : `added debunk ${id} to ${saved.file}`;
    await ctx.moderator.recordAction(c.session.platform, c.group.id, { kind: 'admin', id: c.admin.id, name: c.admin.name }, 'debunks', detail);
    await leaveFlash(ctx, c, { kind: 'ok', text: c.t('debunkSaved', { id, file: saved.debunks ? saved.file : c.t('learnedPlace'), count: engine.debunkCount }) });
    return seeOther(reply, groupPath(c.group.id, `/debunks?q=${encodeURIComponent(id)}`));
  });

  app.post('/debunks/import', { config: { multipartChecksCsrf: true } }, async (req: DebunkRequest, reply) => {
    const c = req.dash;
    if (!req.isMultipart()) return seeOther(reply, groupPath(c.group.id, '/debunks'));
    const fields: Record<string, string> = {};
    let upload: { name: string; data: Buffer } | undefined;
    // A file over the limit is refused on this page, with its size, like any import (it was a bare 413).
    let oversized: OversizedUpload | undefined;
    try {
      for await (const part of req.parts({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10 } })) {
        if (part.type === 'file') upload = { name: part.filename, data: await part.toBuffer() };
        else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
      }
    } catch (error) {
      oversized = oversizedUpload(error, req);
      if (!oversized) throw error;
    }
    if (!csrfMatches(c.session, fields._csrf)) return refuse(reply, 403, c.session.lang, c.t('appName'), c.t('csrfFailed'), c.session);
    if (!editable(c) || !ctx.editor) return refuse(reply, 403, c.session.lang, c.t('debunks'), c.t('readOnly'), c.session);
    const format = fields.format as ImportFormat;
    // A refused import shows the form again as it was sent (the file must be chosen again: browsers allow no other way).
    const asSent = { ...(fields.format ? { format: fields.format } : {}), ...(fields.lang ? { lang: fields.lang } : {}) };
    if (oversized) return sendPage(reply, await listPage(req, c, [oversizedText(c.t, oversized, MAX_IMPORT_BYTES)], asSent), 413);
    // Said one by one (browser QA: "Format: csv, json, claimreview; File: —" did not say a file was missing or empty).
    const missing = [
      ...(IMPORT_FORMAT_NAMES.includes(format) ? [] : [c.t('importNoFormat', { formats: IMPORT_FORMAT_NAMES.join(', ') })]),
      ...(!upload || upload.name === '' ? [c.t('importNoFile')] : upload.data.length === 0 ? [c.t('importEmptyFile', { file: upload.name })] : []),
    ];
    if (missing.length > 0 || !upload) return sendPage(reply, await listPage(req, c, missing, asSent), 422);
    // The upload's own name, reduced to safe characters, names the new file; never a path.
    const base = path.basename(upload.name).replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'upload';
    const stamp = new Date(ctx.now()).toISOString().replace(/[-:]/g, '').slice(0, 15);
    const temporary = await mkdtemp(path.join(tmpdir(), 'rg-import-'));
    const input = path.join(temporary, `${base}${path.extname(upload.name).replace(/[^.A-Za-z0-9]/g, '') || '.txt'}`);
    try {
      await writeFile(input, upload.data);
      const lang = fields.lang?.trim();
      const outcome = await importDebunks({ file: input, format, dir: ctx.editor.dir, out: `imported-${base}-${stamp}.yaml`, dryRun: false, ...(lang ? { lang } : {}) });
      // The CLI's words for its --lang option are the form's "language" field here.
      if (!outcome.ok) return sendPage(reply, await listPage(req, c, outcome.problems.map((p) => p.split(input).join(upload!.name).replace('pass --lang', c.t('importLangHint'))), asSent), 422);
      const reloaded = await loadDebunks(ctx.editor.dir);
      if (!reloaded.ok) return sendPage(reply, await listPage(req, c, reloaded.problems.map(formatProblem), asSent), 422);
      await (ctx.moderator.library?.setFiles(reloaded.debunks) ?? engine.reload(reloaded.debunks));
      await ctx.moderator.recordAction(c.session.platform, c.group.id, { kind: 'admin', id: c.admin.id, name: c.admin.name }, 'debunks', `imported ${outcome.count} debunks (${format}) from ${upload.name} into ${outcome.file}`);
      await leaveFlash(ctx, c, { kind: 'ok', text: c.t('imported', { count: outcome.count, file: outcome.file }) });
      return seeOther(reply, groupPath(c.group.id, '/debunks'));
    } finally {
      await rm(temporary, { recursive: true, force: true });
    }
  });
}
