import type { APIEmbed } from 'discord.js';
import type { Debunk, Source } from '../../src/debunks/schema.js';
import type { RefutationContent } from '../../src/engine/decision.js';
import { type Language, refutationIn, verdictName } from '../../src/engine/templates.js';
import { EMBED_LIMITS, fitEmbeds, fitLines } from './embedLimits.js';
import { markdownLink, safeText } from './markdown.js';
import { text } from './texts.js';
import { inScript } from '../../src/engine/script.js';

/** Embed colours: amber for a refutation, red for an owner alert. */
const AMBER = 0xf5a623;
const RED = 0xd0021b;

/**
 * Links to the first `max` sources, one a line, as many whole lines as fit in `room` characters;
 * a source whose link alone is longer than that (its URL may have up to 2,048) by its title.
 */
const sourceLines = (d: { sources: readonly Source[] }, max: number, room: number): string =>
  fitLines(
    d.sources.slice(0, max).flatMap((s) => {
      const link = markdownLink(s.url, s.title);
      if (link === undefined) return [];
      return [link.length <= room ? link : safeText(s.title, 200)];
    }),
    room,
  );

/**
 * The refutation as an embed: verdict in the title (worded as an answer for a question),
 * refutation, sources; everything escaped.
 */
export function refutationEmbed(r: RefutationContent): APIEmbed {
  const lang = r.language;
  const sources = sourceLines(r, 3, EMBED_LIMITS.fieldValue);
  return {
    color: AMBER,
    title: `ℹ️ ${inScript(text(lang, r.stance === 'question' ? 'goodQuestion' : 'factCheck', { verdict: verdictName(lang, r.verdict) }), r.traditional)}`,
    description: safeText(r.refutation, 1000),
    ...(sources ? { fields: [{ name: inScript(text(lang, 'sources'), r.traditional), value: sources }] } : {}),
  };
}

/** The "Sources" button's ephemeral answer: every source of the debunk (within a message's 2,000 characters). */
export function sourcesText(d: Debunk): string {
  return sourceLines(d, 10, 2000) || safeText(d.sources.map((s) => s.title).join(', '), 1000);
}

/** `/check` and the context menu: each match with verdict, claim, refutation and sources. */
export function lookupEmbeds(found: readonly { debunk: Debunk; score: number }[], lang: Language): APIEmbed[] {
  return fitEmbeds(found.map(({ debunk: d, score }) => {
    const sources = sourceLines(d, 3, EMBED_LIMITS.fieldValue);
    return {
      color: AMBER,
      title: `${verdictName(lang, d.verdict)} · ${text(lang, 'score')} ${score.toFixed(2)}`,
      description: `**${text(lang, 'claim')}:** ${safeText(d.claim, 300)}\n${safeText(refutationIn(d, lang), 1000)}`,
      ...(sources ? { fields: [{ name: text(lang, 'sources'), value: sources }] } : {}),
    };
  }));
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
