import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { exportLedger, type ExportFormat } from '../../ledger/export/exportLedger.js';
import { screenCollector, streamSink } from '../../ledger/export/textSink.js';
import type { DashboardContext, GroupRequestContext } from '../context.js';
import { printablePage, reportBody, type Period, type PeriodProblem } from '../pages/reportPage.js';
import { groupPage } from './groupPages.js';
import { sendPage } from './respond.js';

/** The most of a report a page shows (characters of Markdown): its summary and about 1,500 incidents. */
export const SCREEN_CHARS = 500_000;

type ReportRequest = FastifyRequest<{ Params: { group: string; format?: string }; Querystring: Record<string, string> }>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A day (YYYY-MM-DD, from midnight UTC) or an ISO time, as `ledger export --since/--until` take them. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The period asked for, and what was wrong with it: a value that is no day or time (or a day that
 * does not exist, "2026-02-30") is left out and named, as is a period that ends before it starts
 * (then the whole ledger is shown), so the admin is never shown another period than asked without a word.
 */
function periodOf(query: Record<string, string>): { period: Period; range: { since?: Date; until?: Date }; problems: PeriodProblem[] } {
  const period: Period = {};
  const range: { since?: Date; until?: Date } = {};
  const problems: PeriodProblem[] = [];
  for (const key of ['since', 'until'] as const) {
    const v = query[key];
    if (typeof v !== 'string' || v === '') continue;
    const date = DAY.test(v) || ISO_TIME.test(v) ? new Date(DAY.test(v) ? `${v}T00:00:00Z` : v) : undefined;
    // A day the calendar does not have rolls over ("2026-02-30" is 2 March): refused, not moved.
    if (date === undefined || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== v.slice(0, 10)) {
      problems.push({ kind: 'badDate', field: key, value: v });
      continue;
    }
    period[key] = v;
    range[key] = date;
  }
  if (range.since && range.until && range.since.getTime() >= range.until.getTime()) {
    problems.push({ kind: 'emptyPeriod', field: 'until', value: period.until! });
    return { period: {}, range: {}, problems };
  }
  return { period, range, problems };
}

const CONTENT_TYPES: Record<ExportFormat, string> = { md: 'text/markdown; charset=utf-8', csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' };

/** A file name that is safe in a header whatever the group id holds. */
const fileName = (groupId: string, at: number, ext: string) => `rumorguard-${groupId.replace(/[^A-Za-z0-9_-]/g, '_')}-${new Date(at).toISOString().slice(0, 10)}.${ext}`;

/**
 * The management report: on screen, as md / csv / json downloads made by the same export as
 * `rumorguard ledger export` (so their figures are the ledger's), and as a printable page. Each
 * carries the group's signed chain head; every download is ledgered under the admin's name.
 */
export function reportRoutes(app: FastifyInstance, ctx: DashboardContext): void {
  /**
   * The report on screen, in the admin's language: its first SCREEN_CHARS (the summary and the
   * first incidents), with a note of its whole size when it goes on; the downloads hold all of it
   * (in English, as the ledger is).
   */
  const report = async (c: GroupRequestContext, range: { since?: Date; until?: Date }) => {
    const collected = screenCollector(SCREEN_CHARS);
    await exportLedger(ctx.ledger, c.group.id, { format: 'md', groupTitle: c.group.title, lang: c.session.lang, ...range }, collected.sink);
    return { md: collected.text(), ...(collected.cut() ? { totalChars: collected.totalChars() } : {}) };
  };

  app.get('/report', async (req: ReportRequest, reply) => {
    const c = req.dash;
    const { period, range, problems } = periodOf(req.query);
    const shown = await report(c, range);
    return sendPage(reply, groupPage(c, req, 'report', c.t('report'), reportBody(c, period, shown.md, shown.totalChars, problems)));
  });

  app.get('/report/print', async (req: ReportRequest, reply) => {
    const c = req.dash;
    const { range } = periodOf(req.query);
    const shown = await report(c, range);
    return sendPage(reply, printablePage(c.t, c.session.lang, `${c.t('report')} · ${c.group.title}`, shown.md, shown.totalChars));
  });

  app.get('/report.:format', async (req: ReportRequest, reply) => {
    const c = req.dash;
    const format = req.params.format as ExportFormat;
    if (!(format in CONTENT_TYPES)) return reply.callNotFound();
    const { period, range } = periodOf(req.query);
    const span = `${period.since ?? '…'} to ${period.until ?? '…'}`;
    // Streamed to the browser as it is made, at the pace the browser reads it: a download of a
    // million incidents is never whole in the bot's memory. Ledgered once it is all written; a
    // failed export ends the download broken rather than passing for a whole file.
    const body = new PassThrough();
    exportLedger(ctx.ledger, c.group.id, { format, groupTitle: c.group.title, ...range }, streamSink(body))
      .then(() => ctx.moderator.recordAction(c.session.platform, c.group.id, { kind: 'admin', id: c.admin.id, name: c.admin.name }, 'export', `ledger report downloaded from the dashboard (${format}, ${span})`))
      .then(
        () => body.end(),
        (error: unknown) => body.destroy(error as Error),
      );
    return reply
      .type(CONTENT_TYPES[format])
      .header('content-disposition', `attachment; filename="${fileName(c.group.id, ctx.now(), format)}"`)
      .send(body);
  });
}
