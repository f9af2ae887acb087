import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { EMBED_LIMITS, fitText } from '../../adapters/discord/embedLimits.js';
import { messageOptions } from '../../adapters/discord/outgoing.js';
import { lookupEmbeds, refutationEmbed, sourcesText } from '../../adapters/discord/replies.js';
import { DebunkSchema } from '../../src/debunks/schema.js';
import { refutationContent } from '../../src/engine/refutationContent.js';

// Issue 13 row 9: three long sources made a field of 1,278 characters, and Discord refused the
// whole reply (field limit 1,024); source URLs had no length limit.

const longUrl = (n: number, i: number) => `https://example.org/${i}/${'a'.repeat(n - 22)}`;
const hostile = (urlLength: number) =>
  DebunkSchema.parse({
    id: 'long',
    claim: '*_'.repeat(250),
    verdict: 'false',
    // Every character escaped doubles it: 1,000 become 2,000.
    refutation: '*'.repeat(1000),
    sources: [0, 1, 2].map((i) => ({ title: `[${'T'.repeat(300)}]`, url: longUrl(urlLength, i) })),
    lang: 'en',
    published: '2024-01-01',
  });

/** Every limit Discord holds one message's embeds to. */
function expectWithinLimits(embeds: readonly APIEmbed[]) {
  let total = 0;
  for (const e of embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.title);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.description);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.fields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue);
      total += f.name.length + f.value.length;
    }
    total += (e.title?.length ?? 0) + (e.description?.length ?? 0);
  }
  expect(total).toBeLessThanOrEqual(EMBED_LIMITS.total);
}

describe('Discord embed limits', () => {
  it.each([300, 400, 1000, 2048])('GIVEN three sources with %i-character URLs and escaped texts THEN the refutation embed is within every limit and shows a source', (n) => {
    const embed = refutationEmbed(refutationContent(hostile(n), 'en'));
    expectWithinLimits([embed]);
    expect(embed.fields?.[0]?.value).toMatch(/example\.org|TTT/);
  });

  it('GIVEN ten long matches for /check THEN the message\'s embeds together stay within 6,000 characters', () => {
    const found = Array.from({ length: 10 }, () => ({ debunk: hostile(400), score: 0.9 }));
    const embeds = lookupEmbeds(found, 'en');
    expect(embeds.length).toBeGreaterThan(0);
    expectWithinLimits(embeds);
  });

  it('GIVEN any outgoing payload with oversized embeds THEN messageOptions fits them', () => {
    const big: APIEmbed = { title: 'x'.repeat(300), description: 'y'.repeat(5000), fields: [{ name: 'n', value: 'z'.repeat(2000) }] };
    expectWithinLimits(messageOptions({ to: { channel: '1' }, embeds: [big, big, big] }).embeds as APIEmbed[]);
  });

  it('GIVEN the Sources button THEN its answer fits a 2,000-character message', () => {
    expect(sourcesText(hostile(2048)).length).toBeLessThanOrEqual(2000);
    expect(sourcesText(hostile(600)).length).toBeLessThanOrEqual(2000);
  });

  it('GIVEN a source URL longer than 2,048 characters THEN the database refuses it', () => {
    const result = DebunkSchema.safeParse({ ...hostile(100), sources: [{ title: 't', url: longUrl(2049, 0) }] });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toMatch(/longer than 2048 characters/);
  });

  it('GIVEN text cut to a limit THEN it is cut on a code point and never ends in half an escape', () => {
    expect(fitText('😀'.repeat(10), 6)).toBe('😀😀…');
    expect(fitText('ab\\*cd', 4)).toBe('ab…');
  });
});
