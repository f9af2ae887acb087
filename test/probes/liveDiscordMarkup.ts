/**
 * The Discord markup still live in `text` as Discord reads it: escapes (a backslash before a
 * punctuation character) are taken out first, then what is left is searched for masked links,
 * line-start quotes, subtext and headings, timestamps and command mentions. An empty list means
 * the text shows as written. A test's reader of Discord's rules, not a full parser.
 */
export function liveDiscordMarkup(text: string): string[] {
  // Replace each escaped character by a neutral placeholder, so it can start no markup.
  const unescaped = text.replace(/\\[^\p{L}\p{N}\s]/gu, '·');
  const found: string[] = [];
  if (/\[[^\]\n]*\]\([^)\s]+\)/.test(unescaped)) found.push('masked link');
  if (/^\s*>/m.test(unescaped)) found.push('quote');
  if (/^\s*-#\s/m.test(unescaped)) found.push('subtext');
  if (/^\s*#{1,3}\s/m.test(unescaped)) found.push('heading');
  if (/<t:-?\d+(:[tTdDfFR])?>/.test(unescaped)) found.push('timestamp');
  if (/<\/[\w -]+:\d+>/.test(unescaped)) found.push('command mention');
  if (/<@[!&]?\d+>|@everyone|@here/.test(unescaped)) found.push('mention');
  if (/<id:\w+>/.test(unescaped)) found.push('navigation link');
  if (/(?:^|[^\w·])(?:__?)[^_\s·][^_]*?(?:__?)(?![\w])/.test(unescaped)) found.push('italics or underline');
  return found;
}

/** The payloads of issue 13 row 7, each alone and in a name that holds them all. */
export const DISCORD_MARKUP_PAYLOADS = [
  '[a](b)[Appeal](https://ev.il)',
  'x [Appeal](https://ev.il) y [More](https://ev.il)',
  '\\\\[a](https://ev.il)',
  '> quoted as the bot',
  '>>> a whole block',
  '-# small print',
  '# Official notice',
  'see <t:1700000000:R>',
  'run </ban:123456789012345678> now',
  '@everyone <@123456789012345678>',
  '<:x:1> _it_ __ul__',
  'go to <id:customize>',
] as const;
