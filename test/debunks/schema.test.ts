import { describe, expect, expectTypeOf, it } from 'vitest';
import { describeIssues } from '../../src/debunks/describeIssues.js';
import { formatFieldPath } from '../../src/debunks/loadProblem.js';
import { BOT_LANGUAGES, RefutationSchema, SourceSchema, type BotLanguage } from '../../src/debunks/schema.js';
import { render, type Language } from '../../src/engine/templates.js';

/** What the loader says about a refutation, as `field: message` lines; none when it is accepted. */
function refutationProblems(refutation: unknown): string[] {
  const result = RefutationSchema.safeParse(refutation);
  if (result.success) return [];
  return describeIssues(result.error.issues, RefutationSchema, refutation).map((i) =>
    [formatFieldPath(['refutation', ...i.path]), i.message].join(': '),
  );
}

describe('BOT_LANGUAGES', () => {
  it('GIVEN the languages the bot writes its replies in (engine templates) THEN they are the languages a refutation may be in', () => {
    // tsc checks this line (the test files are in tsconfig): a language added on one side only fails the type check.
    expectTypeOf<BotLanguage>().toEqualTypeOf<Language>();
    for (const lang of BOT_LANGUAGES) {
      expect(render(lang, 'refutation', { verdict: 'false', refutation: 'R', source: 'S' })).toContain('R');
    }
  });
});

describe('RefutationSchema: languages', () => {
  it.each([
    { given: 'one text (no language named)', refutation: 'Not true.' },
    { given: 'en and zh', refutation: { en: 'Not true.', zh: '不实。' } },
    { given: 'a script or region of a language the bot speaks', refutation: { 'zh-Hant': '不實。', 'en-GB': 'Not true.' } },
  ])('GIVEN $given THEN it is accepted', ({ refutation }) => {
    expect(refutationProblems(refutation)).toEqual([]);
  });

  it.each([
    { given: 'French only', refutation: { fr: 'La lune est faite de roche.' }, then: ['refutation.fr: unknown language "fr" (the bot speaks en, zh)'] },
    {
      given: 'French next to English',
      refutation: { en: 'It is rock.', fr: 'Roche.' },
      then: ['refutation.fr: unknown language "fr" (the bot speaks en, zh)'],
    },
    {
      given: 'a region of a language the bot does not speak',
      refutation: { 'pt-BR': 'Não.' },
      then: ['refutation.pt-BR: unknown language "pt-BR" (the bot speaks en, zh)'],
    },
    {
      given: 'two unknown languages',
      refutation: { de: 'Nein.', ja: 'いいえ。' },
      then: ['refutation.de: unknown language "de" (the bot speaks en, zh)', 'refutation.ja: unknown language "ja" (the bot speaks en, zh)'],
    },
    { given: 'a key that is no language tag', refutation: { EN: 'No.' }, then: ['refutation.EN: not a language tag such as "en" or "zh"'] },
  ])('GIVEN $given THEN $then', ({ refutation, then }) => {
    expect(refutationProblems(refutation)).toEqual(then);
  });
});

// QA L7: `ftp://x.example` and `javascript:alert(1)` were refused with "sources[0].url: not a URL".
describe('SourceSchema: the URL', () => {
  const urlProblems = (url: string): string[] => {
    const result = SourceSchema.safeParse({ title: 'WHO', url });
    if (result.success) return [];
    return describeIssues(result.error.issues, SourceSchema, { title: 'WHO', url }).map((i) => [formatFieldPath(i.path), i.message].join(': '));
  };

  it.each([
    { given: 'an ftp URL', url: 'ftp://x.example' },
    { given: 'a javascript: URL', url: 'javascript:alert(1)' },
    { given: 'a tg: link', url: 'tg://resolve?domain=evil' },
    { given: 'no URL at all', url: 'not-a-url' },
  ])('GIVEN $given THEN it is refused, saying a source must be an http:// or https:// address', ({ url }) => {
    expect(urlProblems(url)).toEqual(['url: must be an http:// or https:// address']);
  });

  it.each(['https://www.who.int/myth-busters', 'http://example.org/a?b=c'])('GIVEN %s THEN it is accepted', (url) => {
    expect(urlProblems(url)).toEqual([]);
  });
});
