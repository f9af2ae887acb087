import type { APIEmbed } from 'discord.js';
import type { Debunk, Source } from '../../src/debunks/schema.js';
import type { RefutationContent } from '../../src/engine/decision.js';
import { type Language, refutationIn, verdictName } from '../../src/engine/templates.js';
import { markdownLink, safeText } from './markdown.js';
import { text } from './texts.js';

/** Embed colours: amber for a refutation, red for an owner alert. */
const AMBER = 0xf5a623;
const RED = 0xd0021b;

const sourceLines = (d: { sources: readonly Source[] }, max: number): string =>
  d.sources
    .slice(0, max)
    .map((s) => markdownLink(s.url, s.title))
    .filter((l): l is string => l !== undefined)
    .join('\n');

/**
 * The refutation as an embed: verdict in the title (worded as an answer for a question),
 * refutation, sources; everything escaped.
 */
export function refutationEmbed(r: RefutationContent): APIEmbed {
  const lang = r.language;
  const sources = sourceLines(r, 3);
  return {
    color: AMBER,
    title: `ℹ️ ${text(lang, r.stance === 'question' ? 'goodQuestion' : 'factCheck', { verdict: verdictName(lang, r.verdict) })}`,
    description: safeText(r.refutation, 1000),
    ...(sources ? { fields: [{ name: text(lang, 'sources'), value: sources }] } : {}),
  };
}

/** The "Sources" button's ephemeral answer: every source of the debunk. */
export function sourcesText(d: Debunk): string {
  return sourceLines(d, 10) || safeText(d.sources.map((s) => s.title).join(', '));
}

/** `/check` and the context menu: each match with verdict, claim, refutation and sources. */
export function lookupEmbeds(found: readonly { debunk: Debunk; score: number }[], lang: Language): APIEmbed[] {
  return found.map(({ debunk: d, score }) => {
    const sources = sourceLines(d, 3);
    return {
      color: AMBER,
      title: `${verdictName(lang, d.verdict)} · ${text(lang, 'score')} ${score.toFixed(2)}`,
      description: `**${text(lang, 'claim')}:** ${safeText(d.claim, 300)}\n${safeText(refutationIn(d, lang), 1000)}`,
      ...(sources ? { fields: [{ name: text(lang, 'sources'), value: sources }] } : {}),
    };
  });
}

/** An owner alert: the engine's sentence (member, rumor, score, strike, actions) and a link to the message. */
export function alertEmbed(guildName: string, alertText: string, link: string | undefined, lang: Language): APIEmbed {
  const open = link ? markdownLink(link, text(lang, 'openMessage')) : undefined;
  return {
    color: RED,
    title: text(lang, 'alertTitle', { guild: safeText(guildName, 100) }),
    description: [safeText(alertText, 1000), open ?? ''].filter(Boolean).join('\n'),
  };
}
