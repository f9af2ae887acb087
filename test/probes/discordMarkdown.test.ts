import { describe, expect, it } from 'vitest';
import { escapeDiscordMarkdown, markdownLink, safeText } from '../../adapters/discord/markdown.js';
import { refutationEmbed } from '../../adapters/discord/replies.js';
import { DebunkSchema } from '../../src/debunks/schema.js';
import { refutationContent } from '../../src/engine/refutationContent.js';
import { DISCORD_MARKUP_PAYLOADS, liveDiscordMarkup } from './liveDiscordMarkup.js';

// Issue 13 row 7: escapeMarkdown escaped only the first `[` of a line, and left quotes, subtext,
// timestamps and command mentions live.

describe('Discord markup in untrusted text', () => {
  it.each(DISCORD_MARKUP_PAYLOADS.map((p) => [p]))('GIVEN %j THEN the reader finds it live unescaped, and nothing live once escaped', (payload) => {
    expect(liveDiscordMarkup(payload)).not.toEqual([]);
    expect(liveDiscordMarkup(safeText(payload))).toEqual([]);
  });

  it('GIVEN a multi-line reply with every payload at a line start THEN nothing is live and the lines stay', () => {
    const reply = DISCORD_MARKUP_PAYLOADS.filter((p) => !p.startsWith('@')).join('\n');
    const escaped = escapeDiscordMarkdown(reply);
    expect(liveDiscordMarkup(escaped)).toEqual([]);
    expect(escaped.split('\n')).toHaveLength(DISCORD_MARKUP_PAYLOADS.length - 1);
  });

  it('GIVEN a refutation and source titles that carry the payloads THEN the embed has no live markup but our own source links', () => {
    const debunk = DebunkSchema.parse({
      id: 'x',
      claim: DISCORD_MARKUP_PAYLOADS.join(' '),
      verdict: 'false',
      refutation: DISCORD_MARKUP_PAYLOADS.join(' '),
      sources: [{ title: '[a](b)[Appeal](https://ev.il)', url: 'https://www.who.int/a' }],
      lang: 'en',
      published: '2024-01-01',
    });
    const embed = refutationEmbed(refutationContent(debunk, 'en'));
    expect(liveDiscordMarkup(embed.description ?? '')).toEqual([]);
    for (const field of embed.fields ?? []) {
      // Our own link to the source is the one masked link a field may hold.
      const withoutOwnLink = field.value.replace(/\[[^\]]*\]\(<https:\/\/www\.who\.int\/a>\)/, '');
      expect(liveDiscordMarkup(withoutOwnLink)).toEqual([]);
    }
    expect(markdownLink('https://www.who.int/a', '[a](b)[Appeal](https://ev.il)')).toMatch(/^\[[^[\]]*\]\(<https:\/\/www\.who\.int\/a>\)$/);
  });
});
