import type { FastifyInstance, FastifyRequest } from 'fastify';
import { newestIncidents } from '../../ledger/scanIncidents.js';
import type { DashboardContext } from '../context.js';
import { formToOverride, mergeIntoCurrent, problemsByField, readBase, readRulesForm, settingsToForm, type RuleField } from '../data/rulesForm.js';
import { PREVIEW_LIMIT, previewRules } from '../data/rulesPreview.js';
import { html } from '../html.js';
import { groupPath } from '../pages/layout.js';
import { previewSection, rulesForm } from '../pages/rulesPage.js';
import { groupPage, leaveFlash, takeFlash } from './groupPages.js';
import { seeOther, sendPage } from './respond.js';

type RulesRequest = FastifyRequest<{ Params: { group: string }; Body: Record<string, unknown> }>;

/**
 * The rules form. "Preview" validates the form as saving would (the engine's own check, nothing
 * stored) and replays the group's latest incidents with it; "Save" makes the change through the
 * core's settings command, which validates again inside the store's atomic update and ledgers it
 * under the admin's name. A refused form is shown again with each problem beside its field.
 */
export function rulesRoutes(app: FastifyInstance, ctx: DashboardContext): void {
  const engine = ctx.moderator.engine;

  app.get('/rules', async (req: RulesRequest, reply) => {
    const c = req.dash;
    const form = settingsToForm(await engine.settingsFor(c.group.id));
    return sendPage(reply, groupPage(c, req, 'rules', c.t('rules'), rulesForm(c, form, new Map(), form), { flash: await takeFlash(ctx, c) }));
  });

  app.post('/rules', async (req: RulesRequest, reply) => {
    const c = req.dash;
    const submitted = readRulesForm(req.body);
    const base = readBase(req.body);
    // Only the fields the admin changed are saved: the rest keep what the group has now, which a
    // chat command or another admin may have changed since this page was opened.
    const { form } = mergeIntoCurrent(submitted, base, settingsToForm(await engine.settingsFor(c.group.id)));
    const { override, problems: unreadable } = formToOverride(form);
    const shown = (problems: Map<RuleField | '', string[]>, extra = html``, status = 200) =>
      sendPage(
        reply,
        // The preview comes first: it is what the admin asked to see; the form follows to change or save.
        // Shown again with what the admin typed, and the base the page was opened with, so a second
        // try still saves only their changes.
        groupPage(c, req, 'rules', c.t('rules'), html`${extra}${rulesForm(c, submitted, problems, base ?? submitted)}`, problems.size > 0 ? { flash: { kind: 'bad', text: c.t('invalid') } } : {}),
        status,
      );
    const checked = await engine.checkSettings(c.group.id, override);
    const problems = checked.ok ? new Map<RuleField | '', string[]>() : problemsByField(checked.problems);
    // A field that is not even a number says so, rather than what the schema makes of the gap.
    for (const [field, message] of unreadable) problems.set(field, [message]);
    if (problems.size > 0 || !checked.ok) return shown(problems, html``, 422);

    if (req.body.intent === 'preview') {
      const current = await engine.settingsFor(c.group.id);
      // The latest incidents only, read in one pass over the chain (see scanIncidents), oldest first.
      const latest = (await newestIncidents(ctx.ledger, c.group.id, PREVIEW_LIMIT)).views.reverse();
      const preview = previewRules(engine, latest, current, checked.settings);
      return shown(new Map(), previewSection(c, preview));
    }
    const result = await ctx.moderator.onSettingsChange(c.session.platform, c.group.id, c.admin, override, c.session.lang);
    // Valid a moment ago, refused now: another change came in between; the core says why.
    if (!result.ok) return shown(new Map([['', [result.reply]]]), html``, 422);
    await leaveFlash(ctx, c, { kind: 'ok', text: result.change ? c.t('saved', { summary: result.change.summary }) : c.t('unchanged') });
    return seeOther(reply, groupPath(c.group.id, '/rules'));
  });
}
