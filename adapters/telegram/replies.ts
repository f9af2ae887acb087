import type { Debunk, Source } from '../../src/debunks/schema.js';
import type { RefutationContent } from '../../src/engine/decision.js';
import { type Language, refutationIn, verdictName } from '../../src/engine/templates.js';
import { httpUrl } from '../../src/lib/httpUrl.js';
import { escapeHtml, htmlLink, htmlText } from './html.js';
import { text } from './texts.js';
import { inScript } from '../../src/engine/script.js';
import { ellipsize } from '../../src/lib/cutText.js';

/** Sources shown under a refutation; the "Sources" button lists them all. */
const SOURCES_SHOWN = 2;

/** The source links of a debunk; sources whose URL is not http(s) are left out. */
function sourceLinks(d: { sources: readonly Source[] }, max: number): string {
  return d.sources
    .slice(0, max)
    .map((s) => htmlLink(s.url, s.title))
    .filter((l): l is string => l !== undefined)
    .join(' · ');
}

/**
 * The inline refutation: verdict, refutation and source links, everything from the database
 * escaped. `ℹ️ Fact check · rated false` / `ℹ️ 辟谣提示 · 认定为「不实」`; a question gets
 * `ℹ️ Good question · rated false`.
 */
export function refutationHtml(r: RefutationContent): string {
  const lang = r.language;
  const verdict = escapeHtml(verdictName(lang, r.verdict));
  const title = text(lang, r.stance === 'question' ? 'goodQuestion' : 'factCheck');
  const head = lang === 'zh' ? `ℹ️ <b>${title}</b> · ${text(lang, 'rated')}「<b>${verdict}</b>」` : `ℹ️ <b>${title}</b> · ${text(lang, 'rated')} <b>${verdict}</b>`;
  const links = sourceLinks(r, SOURCES_SHOWN);
  return [inScript(head, r.traditional), htmlText(r.refutation, 1000), links ? `📎 ${links}` : ''].filter(Boolean).join('\n');
}

/** The "Sources" button's answer: a pop-up (at most 200 characters) naming every source. */
export function sourcesPopup(d: Debunk): string {
  const lines = d.sources.map((s) => {
    const host = httpUrl(s.url)?.host;
    return `• ${s.title}${host ? ` (${host})` : ''}`;
  });
  const all = lines.join('\n');
  return ellipsize(all, 200);
}

/** A private-chat lookup answer: each match with its verdict, claim, refutation and sources. */
export function lookupHtml(found: readonly { debunk: Debunk; score: number }[], lang: Language): string {
  if (found.length === 0) return escapeHtml(text(lang, 'noMatch'));
  const blocks = found.map(({ debunk: d, score }) => {
    const links = sourceLinks(d, 3);
    return [
      `<b>${escapeHtml(verdictName(lang, d.verdict))}</b> · ${escapeHtml(text(lang, 'score'))} ${score.toFixed(2)}`,
      `${escapeHtml(text(lang, 'claim'))}: ${htmlText(d.claim, 300)}`,
      htmlText(refutationIn(d, lang), 1000),
      links ? `📎 ${links}` : '',
    ]
      .filter(Boolean)
      .join('\n');
  });
  return [escapeHtml(text(lang, 'matchesHeader')), ...blocks].join('\n\n');
}

/**
 * An owner alert: the group, the engine's alert sentence (member, debunk, score, strikes, what was
 * done) and a link to the message where Telegram has one.
 */
export function alertHtml(groupTitle: string, alertText: string, link: string | undefined, lang: Language): string {
  const open = link ? htmlLink(link, text(lang, 'alertLink')) : undefined;
  return [`<b>${htmlText(groupTitle, 100)}</b>`, htmlText(alertText, 1000), open ?? ''].filter(Boolean).join('\n');
}
