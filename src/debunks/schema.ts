import { z } from 'zod';

/** How a fact-checker rated the rumor. */
export const VERDICTS = ['false', 'misleading', 'unproven', 'outdated', 'satire'] as const;
/** How much harm the rumor does; the rules (escalation ladder) may differ per severity. */
export const SEVERITIES = ['low', 'medium', 'high'] as const;

/** A language tag such as `en`, `zh`, `zh-Hant`. */
const languageTag = z
  .string()
  // abort: a key that is no tag at all gets this message alone, not "unknown language" as well.
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'not a language tag such as "en" or "zh"', abort: true });

/**
 * The languages the bot writes its replies in, the headers a refutation is posted under: the
 * `Language` of src/engine/templates.ts, restated here because engine/ imports this module and
 * debunks/ must not import engine/ back; test/debunks/schema.test.ts holds the two equal.
 */
export const BOT_LANGUAGES = ['en', 'zh'] as const;
export type BotLanguage = (typeof BOT_LANGUAGES)[number];

/** True for a tag in one of {@link BOT_LANGUAGES}, with or without a region or script (`zh-Hant`, `en-GB`). */
function isBotLanguage(tag: string): boolean {
  const primary = tag.split('-')[0]!.toLowerCase();
  return (BOT_LANGUAGES as readonly string[]).includes(primary);
}

/**
 * The language of a refutation text: one the bot speaks, since the text is posted under that
 * language's header (a French text would go out under the English one).
 */
const refutationLanguage = languageTag.refine(isBotLanguage, {
  error: (issue) => `unknown language ${JSON.stringify(issue.input)} (the bot speaks ${BOT_LANGUAGES.join(', ')})`,
});

/** A calendar date written as YYYY-MM-DD (YAML may also parse it into a Date). */
const isoDate = z.union([
  z.iso.date({ message: 'not a date (YYYY-MM-DD)' }),
  z.date().transform((d) => d.toISOString().slice(0, 10)),
]);

/**
 * What a source URL that is not one gets told (`ftp://…`, `javascript:…`, a bare word): the bot
 * links sources only over http(s), so the message names the schemes rather than "not a URL".
 */
export const SOURCE_URL_PROBLEM = 'must be an http:// or https:// address';

/** The longest source URL the database accepts. */
export const MAX_SOURCE_URL_LENGTH = 2048;

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** The longest claim the database accepts (UTF-16 units, as `String.length` counts). */
export const MAX_CLAIM_LENGTH = 500;

export const SourceSchema = z.strictObject({
  title: nonEmpty,
  // 2048: the longest URL browsers and platforms reliably keep (Discord refuses longer embed URLs).
  url: z.url({ protocol: /^https?$/, message: SOURCE_URL_PROBLEM }).max(MAX_SOURCE_URL_LENGTH, `longer than ${MAX_SOURCE_URL_LENGTH} characters`),
  publisher: nonEmpty.optional(),
  date: isoDate.optional(),
});

/** Refutation text: one string, or one per language the bot speaks (`{ en: "...", zh: "..." }`). */
export const RefutationSchema = z.union(
  [
    nonEmpty.max(1000, 'longer than 1000 characters: keep refutations short'),
    z.record(refutationLanguage, nonEmpty.max(1000, 'longer than 1000 characters: keep refutations short')).refine(
      (m) => Object.keys(m).length > 0,
      'needs at least one language',
    ),
  ],
  { error: 'expected text, or one text per language such as { en: "...", zh: "..." }' },
);

export const DebunkSchema = z.strictObject({
  /** Stable identifier, unique across all files: lowercase letters, digits, `-`, `_`, `.`. */
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'use 1-80 lowercase letters, digits, ".", "_" or "-"'),
  /** The rumor as people spread it. */
  claim: nonEmpty.max(MAX_CLAIM_LENGTH, `longer than ${MAX_CLAIM_LENGTH} characters: put the rumor in one or two sentences`),
  /** Other phrasings of the same rumor, in any language. */
  variants: z.array(nonEmpty.max(500, 'longer than 500 characters')).max(50, 'at most 50 variants').default([]),
  verdict: z.enum(VERDICTS),
  refutation: RefutationSchema,
  sources: z.array(SourceSchema).min(1, 'needs at least one source'),
  tags: z.array(nonEmpty).default([]),
  severity: z.enum(SEVERITIES).default('medium'),
  /** Main language of the claim. */
  lang: languageTag,
  published: isoDate,
  /** After this date the entry no longer matches (the situation changed). */
  expires: isoDate.optional(),
  /** True for the shipped illustrative entries; real groups import their own. */
  example: z.boolean().default(false),
});

export type DebunkInput = z.input<typeof DebunkSchema>;
export type Debunk = z.output<typeof DebunkSchema>;
export type Source = z.output<typeof SourceSchema>;
export type Verdict = (typeof VERDICTS)[number];
export type Severity = (typeof SEVERITIES)[number];

/** A debunk file holds a list of entries, either bare or under `debunks:`. */
export const DebunkFileSchema = z.union([
  z.array(z.unknown()),
  z.strictObject({ debunks: z.array(z.unknown()) }),
]);
