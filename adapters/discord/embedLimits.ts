import type { APIEmbed } from 'discord.js';

/**
 * Discord's limits on embeds, in characters (https://discord.com/developers/docs/resources/message#embed-object-embed-limits):
 * a message whose embeds break any of them is refused whole.
 */
export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  /** The sum of every title, description, field name and value, footer and author of a message's embeds. */
  total: 6000,
} as const;

/**
 * `text` cut to at most `max` characters (UTF-16 units, as Discord counts), on a code point and
 * with "…" when cut. A backslash left alone at the end (half of a markdown escape) goes too.
 */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = '';
  for (const point of text) {
    if (cut.length + point.length > max - 1) break;
    cut += point;
  }
  const trailing = /\\+$/.exec(cut)?.[0].length ?? 0;
  if (trailing % 2 === 1) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Whole lines of `lines` joined by newlines, as many as fit in `max` characters (a link is never cut). */
export function fitLines(lines: readonly string[], max: number): string {
  let joined = '';
  for (const line of lines) {
    const next = joined ? `${joined}\n${line}` : line;
    if (next.length > max) break;
    joined = next;
  }
  return joined;
}

const sizeOf = (e: APIEmbed): number =>
  (e.title?.length ?? 0) +
  (e.description?.length ?? 0) +
  (e.footer?.text.length ?? 0) +
  (e.author?.name.length ?? 0) +
  (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);

/**
 * The embeds of one message within every limit: each text cut to its own limit, at most 25
 * fields, and whole embeds dropped from the end while their sum is over 6,000 (one embed within
 * its own limits always fits).
 */
export function fitEmbeds(embeds: readonly APIEmbed[]): APIEmbed[] {
  const fitted = embeds.map((e) => ({
    ...e,
    ...(e.title !== undefined ? { title: fitText(e.title, EMBED_LIMITS.title) } : {}),
    ...(e.description !== undefined ? { description: fitText(e.description, EMBED_LIMITS.description) } : {}),
    ...(e.footer ? { footer: { ...e.footer, text: fitText(e.footer.text, EMBED_LIMITS.footer) } } : {}),
    ...(e.author ? { author: { ...e.author, name: fitText(e.author.name, EMBED_LIMITS.author) } } : {}),
    ...(e.fields
      ? {
          fields: e.fields
            .slice(0, EMBED_LIMITS.fields)
            .map((f) => ({ ...f, name: fitText(f.name, EMBED_LIMITS.fieldName), value: fitText(f.value, EMBED_LIMITS.fieldValue) })),
        }
      : {}),
  }));
  const kept: APIEmbed[] = [];
  let total = 0;
  for (const e of fitted) {
    const size = sizeOf(e);
    if (kept.length > 0 && total + size > EMBED_LIMITS.total) break;
    kept.push(e);
    total += size;
  }
  return kept;
}
