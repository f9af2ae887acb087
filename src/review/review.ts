import type { CommandResult } from '../commands/adminCommands.js';
import { changesAnything } from '../commands/changeSettings.js';
import { wholeNumber } from '../lib/wholeNumber.js';
import type { ReplyLimit } from '../commands/replyPages.js';
import { describeIssues } from '../debunks/describeIssues.js';
import { claimId } from '../debunks/import/claimId.js';
import { cut } from '../debunks/import/claimReviewToEntry.js';
import { formatFieldPath } from '../debunks/loadProblem.js';
import { DebunkSchema, MAX_CLAIM_LENGTH, VERDICTS, type Debunk } from '../debunks/schema.js';
import type { ChatMember, ChatMessage } from '../engine/chatMessage.js';
import type { Engine } from '../engine/engine.js';
import { replyLanguage } from '../engine/language.js';
import { inScript, writesTraditional } from '../engine/script.js';
import { alertClaim, verdictName, type Language } from '../engine/templates.js';
import type { FeedbackQueue } from '../feedback/feedbackQueue.js';
import { fillTemplate } from '../lib/fillTemplate.js';
import { DecisionExecutor } from '../moderation/executeDecision.js';
import type { IncidentSink } from '../moderation/moderator.js';
import { answerMessage } from './answerMessage.js';
import { minHash, nearDuplicate } from '../matching/minHash.js';
import type { DebunkLibrary } from './debunkLibrary.js';
import type { GroupExclusions } from './groupExclusions.js';
import { parseAccept, verdictOf } from './parseAccept.js';
import { findReviewItem, reviewItems, type ReviewItem } from './reviewItems.js';
import { reviewListing } from './reviewListing.js';
import type { ReviewPort } from './reviewPort.js';
import { REVIEW_TEXTS, type ReviewTextName } from './reviewTexts.js';

/** The `/rg` commands review answers; the rest go to the settings commands. */
export const REVIEW_COMMANDS = new Set(['queue', 'reports', 'accept', 'reject', 'retire', 'unretire', 'tellreporter', 'spread', 'digest']);

/** Longest variant taken from a near-duplicate message (the schema's limit). */
const MAX_VARIANT = 500;
/** Near-duplicates kept as variants of a new debunk. */
const MAX_VARIANTS = 10;

export interface ReviewDeps {
  engine: Engine;
  feedback: FeedbackQueue;
  library: DebunkLibrary;
  exclusions: GroupExclusions;
  sink?: IncidentSink;
  /** The platforms' review ports, by platform name. */
  ports: ReadonlyMap<string, ReviewPort>;
  /** Keeps track of answers under way (the moderator's `settled()` waits for them). */
  track: (task: Promise<unknown>) => void;
  /** An operator (OPERATOR_IDS) retires debunks for every group. */
  isOperator: (platform: string, userId: string) => boolean;
  /**
   * Whether this admin's accepted reports serve every group (REVIEW_SHARES): `all` for one
   * community of groups, else only operators' do and other admins' serve their own group.
   * @defaultValue every admin's
   */
  sharesEverywhere?: (platform: string, userId: string) => boolean;
  /** The weekly digests' schedule, told when a group opts in or out. */
  digests?: { subscribe(platform: string, groupId: string, on: boolean): Promise<void> };
  now?: () => number;
}

/**
 * The admins' side of member feedback: the queue grouped into items (near-duplicates together),
 * a report accepted as a new debunk that the bot uses at once in every group (and that answers
 * the reported messages), a dispute accepted as a false positive (strike withdrawn, member told,
 * that match never again on that message or its near copies), a rejection (the reporter told if
 * the group wants), and debunks retired.
 */
export class Review {
  private readonly executor: DecisionExecutor;
  private readonly now: () => number;

  constructor(private readonly deps: ReviewDeps) {
    this.now = deps.now ?? Date.now;
    this.executor = new DecisionExecutor(this.now);
  }

  /** The group's open feedback as review items, oldest first. */
  async items(groupId: string): Promise<ReviewItem[]> {
    return reviewItems(await this.deps.feedback.open(groupId));
  }

  /** Runs one review command (`text` is the whole `/rg …`); `by` is an admin (checked by the caller). */
  async command(platform: string, groupId: string, by: ChatMember, text: string, lang: Language, limit?: ReplyLimit): Promise<CommandResult> {
    const t = (name: ReviewTextName, values: Record<string, string | number> = {}) => fillTemplate(REVIEW_TEXTS[lang][name], values);
    const bad = (reply: string): CommandResult => ({ ok: false, error: 'bad_argument', reply });
    const words = text.trim().split(/\s+/);
    const sub = words[1] === 'reports' ? 'queue' : (words[1] ?? '');
    const rest = text.trim().replace(/^\/rg(?:@\w+)?\s+\S+\s*/, '');
    switch (sub) {
      case 'queue': {
        // "/rg queue abc" answered "There is no page NaN": a page is a whole number from 1, or none (the first).
        const page = words[2] === undefined ? 1 : wholeNumber(words[2]);
        if (!(page >= 1) || words.length > 3) return bad(t('useQueue'));
        return { ok: true, reply: reviewListing(await this.items(groupId), lang, page, limit) };
      }
      case 'accept':
      case 'reject': {
        const parsed = parseAccept(rest);
        if (!parsed.ok) return bad(t('useResolve'));
        const item = findReviewItem(await this.items(groupId), parsed.id);
        if (!item) return bad(t('noItem', { id: parsed.id }));
        if (sub === 'reject') return this.reject(platform, groupId, item, lang);
        if (item.kind === 'not_a_rumor') return this.acceptDispute(platform, groupId, by, item, lang);
        if (!parsed.debunk) return bad(t('useAccept', { id: item.id, verdicts: VERDICTS.join(', ') }));
        if (!parsed.fresh) {
          const known = await this.knownRumorOf(groupId, item);
          if (known) return bad(t('alreadyKnown', { id: item.id, debunk: known.id, claim: alertClaim(known.claim) }));
        }
        return this.acceptReport(platform, groupId, by, item, parsed.debunk, parsed.here, lang);
      }
      case 'retire':
        return this.retire(platform, groupId, by, words[2], lang);
      case 'unretire':
        return this.unretire(platform, groupId, by, words[2], lang);
      case 'tellreporter':
      case 'spread':
      case 'digest': {
        const on = words[2] === 'on' ? true : words[2] === 'off' ? false : undefined;
        if (on === undefined || words.length > 3) return bad(`/rg ${sub} on|off`);
        const override = sub === 'tellreporter' ? { review: { tellReporter: on } } : sub === 'spread' ? { spread: { share: on } } : { digest: { weekly: on } };
        // Decided in the atomic update, like the change: whether there was anything to change.
        let changed = true;
        const r = await this.deps.engine.configure(groupId, (current) => {
          changed = changesAnything(current, override);
          return changed ? override : {};
        });
        if (!r.ok) return bad(r.problems.join('; '));
        // Subscribed again even when unchanged: the schedule is idempotent, and this heals one out of step.
        if (sub === 'digest') await this.deps.digests?.subscribe(platform, groupId, on);
        // The ledger's detail stays English (exports read it); the answer is in the group's language.
        const summary = `${sub === 'tellreporter' ? 'tell reporters of rejected reports' : sub === 'spread' ? 'count unknown rumors across groups' : 'weekly digest to owners'} ${on ? 'on' : 'off'}`;
        const said = t(on ? 'switchedOn' : 'switchedOff', { feature: t(sub === 'tellreporter' ? 'tellReporterFeature' : sub === 'spread' ? 'spreadFeature' : 'digestFeature') });
        // Nothing changed ("/rg digest off" in a group without digests): said so, and not ledgered.
        if (!changed) return { ok: true, reply: t('alreadySo', { summary: said }) };
        return { ok: true, reply: t('accepted', { summary: said }), change: { action: sub, summary, override } };
      }
      default:
        return bad(t('useResolve'));
    }
  }

  /**
   * The known rumor a reported message already is, if any: the one the report was made under (a
   * Discord "Report" button names it), else the one its text matches at the group's act threshold
   * (QA: accepting such a report made a second debunk of a rumor the bot had answered).
   */
  private async knownRumorOf(groupId: string, item: ReviewItem): Promise<Debunk | undefined> {
    const engine = this.deps.engine;
    const serves = (d: Debunk | undefined) => (d && [undefined, groupId].includes(engine.scopeOf(d.id)) ? d : undefined);
    const named = serves(item.debunkId ? engine.debunk(item.debunkId) : undefined);
    if (named) return named;
    const text = item.message?.text;
    if (!text) return undefined;
    const act = (await engine.settingsFor(groupId)).thresholds.act;
    const top = engine.explainText(text, 1).matches[0];
    return top && top.score >= act ? serves(engine.debunk(top.debunkId)) : undefined;
  }

  private async acceptReport(
    platform: string,
    groupId: string,
    by: ChatMember,
    item: ReviewItem,
    given: { verdict: string; refutation: string; url: string; claim?: string },
    here: boolean,
    lang: Language,
  ): Promise<CommandResult> {
    const t = (name: ReviewTextName, values: Record<string, string | number> = {}) => fillTemplate(REVIEW_TEXTS[lang][name], values);
    const claim = (given.claim ?? item.message?.text)?.replace(/\s+/g, ' ').trim();
    // Refused whole, as the editor refuses it: a claim cut short would be stored as the rumor.
    if (claim && claim.length > MAX_CLAIM_LENGTH) return { ok: false, error: 'bad_argument', reply: t('claimTooLong', { length: claim.length, max: MAX_CLAIM_LENGTH, id: item.id }) };
    const built = this.buildDebunk(item, { ...given, ...(claim ? { claim } : {}) });
    if (!built.ok) return { ok: false, error: 'bad_argument', reply: t('invalidDebunk', { problems: built.problems.join('; ') }) };
    const everywhere = !here && (this.deps.sharesEverywhere?.(platform, by.id) ?? true);
    const scope = everywhere ? 'all' : groupId;
    const learned = await this.deps.library.learn({ debunk: built.debunk, scope, by: { platform, id: by.id, name: by.name }, at: this.now() });
    if (!learned.ok) return { ok: false, error: 'bad_argument', reply: t('invalidDebunk', { problems: `id: ${built.debunk.id} already exists` }) };
    await this.resolveAll(item, 'accepted');
    const answered = this.answerAll(platform, groupId, by, item, built.debunk);
    const summary =
      `accepted report ${item.id} (${item.feedback.length} report(s) by ${item.reporters.map((r) => r.name).join(', ')}; ${item.messageIds.length} message(s)) ` +
      `as new debunk ${built.debunk.id} (${built.debunk.verdict}) for ${everywhere ? 'all groups' : 'this group'}; answering ${answered} message(s)`;
    const said = t('reportAccepted', {
      id: item.id,
      n: item.feedback.length,
      messages: item.messageIds.length,
      debunk: built.debunk.id,
      verdict: verdictName(lang, built.debunk.verdict),
      scope: t(everywhere ? 'forAllGroups' : 'forThisGroup'),
      answered,
    });
    return { ok: true, reply: t('accepted', { summary: said }), change: { action: 'accept', summary } };
  }

  /** The debunk an admin wrote from a report, validated by the schema the files are held to. */
  private buildDebunk(item: ReviewItem, given: { verdict: string; refutation: string; url: string; claim?: string }): { ok: true; debunk: Debunk } | { ok: false; problems: string[] } {
    const claim = given.claim ?? '';
    const lang = replyLanguage('auto', claim);
    const variants = [...new Set(item.messages.map((m) => m.text.replace(/\s+/g, ' ').trim()))]
      .filter((v) => v !== claim && v !== '')
      .slice(0, MAX_VARIANTS)
      .map((v) => cut(v, MAX_VARIANT));
    let host = given.url;
    try {
      host = new URL(given.url).host;
    } catch {
      // The schema says what is wrong with the URL.
    }
    const entry = {
      id: `${claim ? claimId(claim, lang).slice(0, 60) : 'report'}-${item.id.toLowerCase().replace(/[^a-z0-9]/g, '')}`.slice(0, 80),
      claim,
      variants,
      verdict: verdictOf(given.verdict) ?? given.verdict,
      refutation: given.refutation,
      sources: [{ title: host || given.url, url: given.url }],
      lang,
      published: new Date(this.now()).toISOString().slice(0, 10),
      tags: ['review'],
    };
    const parsed = DebunkSchema.safeParse(entry);
    if (parsed.success) return { ok: true, debunk: parsed.data };
    const problems = describeIssues(parsed.error.issues, DebunkSchema, entry).map((i) => `${formatFieldPath(i.path)}: ${i.message}`);
    return { ok: false, problems };
  }

  /** Answers the reported message and its near-duplicates in the background; returns how many. */
  private answerAll(platform: string, groupId: string, by: ChatMember, item: ReviewItem, debunk: Debunk): number {
    const port = this.deps.ports.get(platform);
    if (!port) return 0;
    const admin = { kind: 'admin' as const, id: by.id, name: by.name };
    const task = (async () => {
      const settings = await this.deps.engine.settingsFor(groupId);
      for (const m of item.messages) {
        const message: ChatMessage = {
          platform,
          groupId,
          messageId: m.messageId,
          member: { id: m.author.id, name: m.author.name },
          text: m.text,
          sentAt: m.sentAt ?? item.at,
          ...(m.channelId ? { channelId: m.channelId } : {}),
          ...(m.link ? { link: m.link } : {}),
        };
        const language = replyLanguage(settings.language, m.text);
        const results = await answerMessage(message, debunk, language, port.portFor(message), this.executor, this.deps.sink, admin);
        if (results.some((r) => r.type === 'reply_refutation' && r.status === 'done')) await this.deps.engine.noteAnswered(message, debunk.id, language).catch(() => undefined);
      }
    })().catch(() => undefined);
    this.deps.track(task);
    return item.messages.length;
  }

  private async acceptDispute(platform: string, groupId: string, by: ChatMember, item: ReviewItem, lang: Language): Promise<CommandResult> {
    const t = (name: ReviewTextName, values: Record<string, string | number> = {}) => fillTemplate(REVIEW_TEXTS[lang][name], values);
    await this.resolveAll(item, 'accepted');
    const debunk = item.debunkId ? this.deps.engine.debunk(item.debunkId) : undefined;
    let claimItself = false;
    const withdrawn: string[] = [];
    for (const messageId of item.messageIds) {
      const w = await this.deps.engine.withdrawStrike(groupId, messageId);
      if (w.removed > 0 && w.memberId) withdrawn.push(w.memberId);
      const text = item.messages.find((m) => m.messageId === messageId)?.text;
      if (item.debunkId) {
        // A message that says the claim itself is cleared alone: its near copies are the claim, which
        // the group still answers when others post it (retiring the debunk stops that).
        const itself = text !== undefined && debunk !== undefined && saysClaimItself(text, debunk);
        if (itself) claimItself = true;
        await this.deps.exclusions.addFalsePositive(groupId, { debunkId: item.debunkId, messageId, by: by.name, ...(text !== undefined && !itself ? { text } : {}) });
      }
      const port = this.deps.ports.get(platform);
      if (port) {
        const settings = await this.deps.engine.settingsFor(groupId);
        // Said under the member's message, in its language and script (real-client QA: an English
        // question was told in Chinese, the admin's language); the admin's when the text is unknown.
        const tl = settings.language === 'auto' ? (text !== undefined ? replyLanguage('auto', text) : lang) : settings.language;
        const note = inScript(REVIEW_TEXTS[tl][w.removed > 0 ? 'toAuthorWithdrawn' : 'toAuthorNotARumor'], tl === 'zh' && text !== undefined && writesTraditional(text));
        const channelId = item.messages.find((m) => m.messageId === messageId)?.channelId;
        this.deps.track(port.notify(groupId, messageId, note, channelId).catch(() => undefined));
      }
    }
    const summary =
      `accepted "not a rumor" ${item.id} on ${item.messageIds.length} message(s) (${item.feedback.length} by ${item.reporters.map((r) => r.name).join(', ')})` +
      `${item.debunkId ? `; ${item.debunkId} recorded as a false positive there` : ''}${withdrawn.length > 0 ? `; strike of ${withdrawn.join(', ')} withdrawn` : ''}`;
    const said =
      t('disputeAccepted', { id: item.id, messages: item.messageIds.length, n: item.feedback.length }) +
      `${item.debunkId ? t('falsePositive', { debunk: item.debunkId }) : ''}${withdrawn.length > 0 ? t('strikesWithdrawn', { members: withdrawn.join(t('listSeparator')) }) : ''}`;
    // A dispute accepted on a message that is the claim itself clears that message only (see above):
    // the admin should know the claim is still answered, and how to stop that.
    const reply = `${t('accepted', { summary: said })}${claimItself && debunk ? `\n${t('claimItself', { debunk: debunk.id })}` : ''}`;
    const debunkId = item.debunkId;
    const overturns = debunkId ? item.messageIds.map((messageId) => ({ messageId, debunkId })) : undefined;
    return { ok: true, reply, change: { action: 'accept', summary, ...(overturns ? { overturns } : {}) } };
  }

  private async reject(platform: string, groupId: string, item: ReviewItem, lang: Language): Promise<CommandResult> {
    const t = (name: ReviewTextName, values: Record<string, string | number> = {}) => fillTemplate(REVIEW_TEXTS[lang][name], values);
    await this.resolveAll(item, 'rejected');
    const settings = await this.deps.engine.settingsFor(groupId);
    const port = this.deps.ports.get(platform);
    const tell = item.kind === 'report' && settings.review.tellReporter && port !== undefined;
    if (tell) {
      const tl = settings.language === 'auto' ? lang : settings.language;
      for (const r of item.reporters) this.deps.track(port.tellPrivately(r.id, REVIEW_TEXTS[tl].toReporterRejected).catch(() => undefined));
    }
    const summary = `rejected ${item.kind === 'report' ? 'report' : '"not a rumor"'} ${item.id} by ${item.reporters.map((r) => r.name).join(', ')} on ${item.messageIds.length} message(s)${tell ? '; reporters told' : ''}`;
    const said =
      t(item.kind === 'report' ? 'reportRejected' : 'disputeRejected', { id: item.id, n: item.feedback.length, messages: item.messageIds.length }) +
      (tell ? t('reportersTold') : '');
    return { ok: true, reply: t('accepted', { summary: said }), change: { action: 'reject', summary } };
  }

  /**
   * `/rg unretire`: a debunk retired in this group is used here again; one an operator retired for
   * every group, when an operator asks, everywhere again. An admin's mistaken `/rg retire` had no undo.
   */
  private async unretire(platform: string, groupId: string, by: ChatMember, id: string | undefined, lang: Language): Promise<CommandResult> {
    const t = (name: ReviewTextName, values: Record<string, string | number> = {}) => fillTemplate(REVIEW_TEXTS[lang][name], values);
    if (!id) return { ok: false, error: 'bad_argument', reply: t('useUnretire') };
    if (await this.deps.exclusions.setRetired(groupId, id, false)) {
      return { ok: true, reply: t('accepted', { summary: t('unretiredHere', { id }) }), change: { action: 'unretire', summary: `debunk ${id} used again in this group` } };
    }
    if (this.deps.isOperator(platform, by.id) && (await this.deps.library.unretire(id))) {
      return { ok: true, reply: t('accepted', { summary: t('unretiredEverywhere', { id }) }), change: { action: 'unretire', summary: `debunk ${id} used again in every group` } };
    }
    return { ok: true, reply: t('notRetired', { id }) };
  }

  /** The debunks retired in the group (for the dashboard's list). */
  async retiredIn(groupId: string): Promise<ReadonlySet<string>> {
    return new Set((await this.deps.exclusions.read(groupId)).retired);
  }

  private async retire(platform: string, groupId: string, by: ChatMember, id: string | undefined, lang: Language): Promise<CommandResult> {
    const t = (name: ReviewTextName, values: Record<string, string | number> = {}) => fillTemplate(REVIEW_TEXTS[lang][name], values);
    if (!id) return { ok: false, error: 'bad_argument', reply: t('useRetire') };
    const debunk = this.deps.engine.debunk(id);
    const scope = this.deps.engine.scopeOf(id);
    if (!debunk || (scope !== undefined && scope !== groupId)) return { ok: false, error: 'bad_argument', reply: t('noDebunk', { id }) };
    // The group's own debunk, or an operator: gone for every group; otherwise for this group only.
    const everywhere = scope === groupId || this.deps.isOperator(platform, by.id);
    const changed = everywhere ? await this.deps.library.retire(id) : await this.deps.exclusions.setRetired(groupId, id, true);
    // Retired already ("/rg retire" twice answered OK twice, and ledgered twice): said so, not ledgered.
    if (!changed) return { ok: true, reply: t(everywhere && scope !== groupId ? 'retiredEverywhereAlready' : 'retiredAlready', { id }) };
    const summary = `retired debunk ${id} ${everywhere ? (scope === groupId ? '(this group\'s own)' : 'for every group') : 'for this group'}`;
    const said = t(everywhere ? (scope === groupId ? 'retiredOwn' : 'retiredEverywhere') : 'retiredHere', { id });
    return { ok: true, reply: t('accepted', { summary: said }), change: { action: 'retire', summary } };
  }

  private async resolveAll(item: ReviewItem, decision: 'accepted' | 'rejected'): Promise<void> {
    for (const f of item.feedback) await this.deps.feedback.resolve(item.groupId, f.id, decision);
  }
}

/** Whether a message is a near copy of the debunk's claim or one of its other wordings. */
function saysClaimItself(text: string, debunk: Debunk): boolean {
  const signature = minHash(text);
  return [debunk.claim, ...(debunk.variants ?? [])].some((claim) => nearDuplicate(minHash(claim), signature));
}
