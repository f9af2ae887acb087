import { createInterface } from 'node:readline';
import type { Debunk } from '../../src/debunks/schema.js';
import { MATCHER_DEFAULTS, createMatcher } from '../../src/matching/matcher.js';
import { formatMatch } from './formatMatch.js';

export interface PlaygroundOptions {
  debunks: readonly Debunk[];
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Language of refutations shown. @defaultValue 'en' */
  lang?: string;
}

const HELP = [
  'Type a message as a group member would; RumorGuard shows what it matches and why.',
  'Commands: /lang zh|en (refutation language), /help, /quit',
];

/**
 * The local playground: a console "group chat" where every line is a message checked against
 * the debunk database. Reads until end of input or /quit.
 */
export async function runPlayground(options: PlaygroundOptions): Promise<void> {
  const { debunks, input, output } = options;
  let lang = options.lang ?? 'en';
  const matcher = createMatcher(debunks);
  const byId = new Map(debunks.map((d) => [d.id, d]));
  const write = (lines: string[]) => output.write(`${lines.join('\n')}\n`);
  write(HELP);
  const rl = createInterface({ input, terminal: false });
  for await (const line of rl) {
    const text = line.trim();
    if (text === '') continue;
    if (text === '/quit') break;
    if (text === '/help') {
      write(HELP);
      continue;
    }
    const langCommand = /^\/lang\s+(\S+)$/.exec(text);
    if (langCommand) {
      lang = langCommand[1]!;
      write([`  refutations now in "${lang}" where available`]);
      continue;
    }
    write(formatMatch(matcher.match(text), byId, MATCHER_DEFAULTS.actThreshold, lang));
  }
  rl.close();
}
