import { describe, expect, it } from 'vitest';
import { normalize, normalizedText } from '../../src/matching/normalize.js';

describe('normalize: evasions folded away', () => {
  it.each([
    // Compatibility forms and case
    { given: 'fullwidth letters "ＦＡＫＥ"', input: 'ＦＡＫＥ', then: 'fake' },
    { given: 'fullwidth letters and digits', input: 'ＡＢＣ１２３', then: 'abc123' },
    { given: 'fullwidth punctuation between words', input: 'Ｈｅｙ，世界！', then: 'hey 世界' },
    { given: 'mixed case', input: 'FaKe NeWs', then: 'fake news' },
    { given: 'mathematical bold small letters', input: '𝐟𝐚𝐤𝐞', then: 'fake' },
    { given: 'mathematical bold capitals', input: '𝐅𝐀𝐊𝐄', then: 'fake' },
    { given: 'mathematical sans-serif bold letters', input: '𝗳𝗮𝗸𝗲', then: 'fake' },
    { given: 'a ligature "ﬁ"', input: 'ﬁnd', then: 'find' },
    { given: 'an accented letter', input: 'café', then: 'cafe' },
    // Invisible characters join what they split
    { given: 'a zero-width space U+200B', input: 'ru\u200Bmor', then: 'rumor' },
    { given: 'a zero-width joiner U+200D', input: 'ru\u200Dmor', then: 'rumor' },
    { given: 'a byte order mark U+FEFF', input: '\uFEFFru\uFEFFmor', then: 'rumor' },
    { given: 'a word joiner U+2060', input: 'ru\u2060mor', then: 'rumor' },
    { given: 'a soft hyphen U+00AD', input: 'ru\u00ADmor', then: 'rumor' },
    { given: 'a left-to-right mark U+200E', input: 'ru\u200Emor', then: 'rumor' },
    { given: 'an Arabic letter mark U+061C', input: 'ru\u061Cmor', then: 'rumor' },
    { given: 'a right-to-left override U+202E … U+202C', input: 'ru\u202Emo\u202Cr', then: 'rumor' },
    { given: 'bidi isolates U+2066 … U+2069', input: '\u2066ru\u2069mor', then: 'rumor' },
    { given: 'a Mongolian vowel separator U+180E', input: 'ru\u180Emor', then: 'rumor' },
    { given: 'a Hangul filler U+3164', input: 'ru\u3164mor', then: 'rumor' },
    { given: 'a variation selector U+FE0F', input: 'ru\uFE0Fmor', then: 'rumor' },
    { given: 'a combining grapheme joiner U+034F', input: 'ru\u034Fmor', then: 'rumor' },
    { given: 'a tag character U+E0061', input: 'ru\u{E0061}mor', then: 'rumor' },
    // Combining marks
    { given: 'stacked combining marks (Zalgo)', input: 'r\u0336\u0335u\u0301\u0302\u0303m\u0305o\u0306\u0307\u0308r', then: 'rumor' },
    { given: 'Zalgo text as generators write it', input: 'z̷̢̛a̸l̵g̶o̷', then: 'zalgo' },
    // Homoglyphs
    { given: '"vаccine" with a Cyrillic а ', input: 'v\u0430ccine', then: 'vaccine' },
    { given: '"fаkе" with Cyrillic а and е', input: 'f\u0430k\u0435', then: 'fake' },
    { given: '"rumоr" with a Cyrillic о', input: 'rum\u043Er', then: 'rumor' },
    { given: '"ΗΟΑΧ" in Greek capitals', input: '\u0397\u039F\u0391\u03A7', then: 'hoax' },
    { given: 'Cyrillic letters with diacritics (ё ӓ ӧ ї)', input: 't\u0451st \u04D3 b\u04E7x \u0457t', then: 'test a box it' },
    { given: 'math-italic and math-bold Greek', input: '\u{1D6FC}\u{1D6D5} \u{1D736}\u{1D70A}', then: 'at ao' },
    { given: 'Latin small capitals', input: 'ᴛᴏᴡᴇʀꜱ ꜱᴘʀᴇᴀᴅ', then: 'towers spread' },
    { given: 'Cherokee capitals', input: '\u13A2\u13AC\u13DA\u13A2', then: 'test' },
    { given: 'Armenian lookalikes', input: '\u0585\u057D\u0581', then: 'oug' },
    { given: 'Cyrillic т and м read as Latin', input: 'nо\u0442 \u043Cask', then: 'not mask' },
    // Separators between letters
    { given: 'letters separated by dots "r.u.m.o.r"', input: 'r.u.m.o.r', then: 'rumor' },
    { given: 'letters separated by spaces "r u m o r"', input: 'r u m o r', then: 'rumor' },
    { given: 'letters separated by hyphens "r-u-m-o-r"', input: 'r-u-m-o-r', then: 'rumor' },
    { given: 'letters separated by underscores', input: 'r_u_m_o_r', then: 'rumor' },
    { given: 'letters separated by emoji', input: 'r😀u😀m😀o😀r', then: 'rumor' },
    { given: 'a spaced-out word between ordinary words', input: '5G t-o-w-e-r-s spread', then: '5g towers spread' },
    { given: 'a spaced-out number and letter before a spaced-out word', input: '5 G t o w e r s spread', then: '5 g towers spread' },
    // QA: "W h a t s A p p   w i l l   s t a r t…" read as one word, and matched nothing.
    { given: 'spaced-out words set apart by wider gaps', input: 'W h a t s A p p   w i l l   s t a r t', then: 'whatsapp will start' },
    { given: 'spaced-out words set apart by a tab and a space', input: 'r u m o r \t s p r e a d', then: 'rumor spread' },
    // Separators between Chinese characters
    { given: '"谣 言" with a space', input: '谣 言', then: '谣言' },
    { given: '"谣-言" with a hyphen', input: '谣-言', then: '谣言' },
    { given: '"谣　言" with an ideographic space', input: '谣\u3000言', then: '谣言' },
    { given: '"谣😀言" with an emoji', input: '谣😀言', then: '谣言' },
    { given: '"谣\\n言" with a line break', input: '谣\n言', then: '谣言' },
    { given: 'Latin next to Chinese', input: '5G信号', then: '5g 信号' },
    // Traditional Chinese
    { given: 'traditional "謠言"', input: '謠言', then: '谣言' },
    { given: 'traditional "學校"', input: '學校', then: '学校' },
    { given: 'a traditional sentence', input: '喝熱水可以殺死新冠病毒', then: '喝热水可以杀死新冠病毒' },
    // Stretching
    { given: 'a stretched word "fakeeeee"', input: 'fakeeeee', then: 'fake' },
    { given: 'a stretched word "sooo"', input: 'sooo', then: 'so' },
    { given: 'a stretched Chinese word', input: '谣谣谣言', then: '谣言' },
    { given: 'a stretch across case "FaaAAke"', input: 'FaaAAke', then: 'fake' },
    // Digits
    { given: 'repeated digits "1000"', input: '1000', then: '1000' },
    { given: 'a price "$1000"', input: '$1000', then: '1000' },
    { given: '"COVID-19"', input: 'COVID-19', then: 'covid 19' },
    // Hashtags and handles
    { given: 'a camelCase hashtag "#JoeBiden"', input: '#JoeBiden', then: 'joe biden' },
    { given: 'a camelCase hashtag "#FakeNews"', input: '#FakeNews', then: 'fake news' },
    { given: 'a camelCase handle "@JoeBiden"', input: '@JoeBiden', then: 'joe biden' },
    { given: 'camelCase outside a hashtag', input: 'JoeBiden', then: 'joebiden' },
    // What must stay as it is
    { given: 'ordinary words', input: 'the cat sat on the mat', then: 'the cat sat on the mat' },
    { given: 'two lone letters "a b"', input: 'a b', then: 'a b' },
    { given: 'two lone letters in a sentence', input: 'I am a b', then: 'i am a b' },
    { given: 'runs of spaces, tabs and newlines, leading and trailing', input: '  5G   towers\n\tspread  ', then: '5g towers spread' },
    { given: 'trailing punctuation', input: 'fake!!!', then: 'fake' },
    { given: 'an empty string', input: '', then: '' },
    { given: 'only punctuation and emoji', input: '?! 👍 …', then: '' },
  ])('GIVEN $given THEN the text is $then', ({ input, then }) => {
    expect(normalize(input).text).toBe(then);
  });

  // Regression test (found while writing the tests, fixed).
  it('GIVEN two dotted words in a row "t.o.w.e.r.s s.p.r.e.a.d" THEN the text is "towers spread"', () => {
    expect(normalize('t.o.w.e.r.s s.p.r.e.a.d').text).toBe('towers spread');
  });
});

/** Inputs where origin bookkeeping is easy to get wrong: dropped, expanded, astral, collapsed. */
const TRICKY = [
  'ru\u200Bmor',
  'r.u.m.o.r and r u m o r',
  '𝐟𝐚𝐤𝐞 𝐧𝐞𝐰𝐬',
  '谣😀言 謠言',
  'ﬁnd ß æ',
  '#JoeBiden said 5G信号',
  'z̷̢̛a̸l̵g̶o̷ fakeeeee',
  'ＦＡＫＥ，新闻！',
  'v\u0430ccine \u0397\u039F\u0391\u03A7',
  'a\uD800b\uDC00c',
  'ﷺ ①②',
  '\u202Erumor\u202C\u2066x\u2069',
];

/** The folded form of the code point that starts at `at` in `s`. */
const foldAt = (s: string, at: number) => normalize(String.fromCodePoint(s.codePointAt(at)!)).text;

describe('normalize: origin', () => {
  it.each(TRICKY.map((input) => ({ input })))('GIVEN $input THEN origin has one entry per unit of text', ({ input }) => {
    const { text, origin } = normalize(input);
    expect(origin.length).toBe(text.length);
  });

  it.each(TRICKY.map((input) => ({ input })))(
    'GIVEN $input THEN each origin is in range, in order, and folds to the character it produced',
    ({ input }) => {
      const { text, origin } = normalize(input);
      for (let i = 0; i < text.length; i++) {
        expect(origin[i]).toBeGreaterThanOrEqual(0);
        expect(origin[i]).toBeLessThan(input.length);
        if (i > 0) expect(origin[i]).toBeGreaterThanOrEqual(origin[i - 1]!);
        // A space is inserted between words and has no character of its own to fold.
        if (text[i] !== ' ') expect(foldAt(input, origin[i]!)).toContain(text[i]);
      }
    },
  );

  it.each([
    { given: 'a zero-width space', input: 'ru\u200Bmor', then: [0, 1, 3, 4, 5] },
    { given: 'spaced letters', input: 'r.u.m.o.r', then: [0, 2, 4, 6, 8] },
    { given: 'astral math letters (two units each)', input: '𝐟𝐚𝐤𝐞', then: [0, 2, 4, 6] },
    { given: 'an emoji between ideographs', input: '谣😀言', then: [0, 3] },
    { given: 'a ligature expanding to two letters', input: 'ﬁx', then: [0, 0, 1] },
    { given: 'a stretched word', input: 'sooo!', then: [0, 1] },
    { given: 'a leading byte order mark', input: '\uFEFFok', then: [1, 2] },
    { given: 'a camelCase hashtag (the inserted space points at the capital)', input: '#JoeBiden', then: [1, 2, 3, 4, 4, 5, 6, 7, 8] },
  ])('GIVEN $given THEN origin is $then', ({ input, then }) => {
    expect([...normalize(input).origin]).toEqual(then);
  });
});

/**
 * NFKD expands one code point to at most 18 (U+FDFA "ﷺ"), the largest expansion in Unicode;
 * every other step of the normalizer only removes characters or adds one space between two.
 */
const MAX_EXPANSION = 18;

describe('normalize: odd input', () => {
  it.each([
    { given: 'a lone high surrogate', input: '\uD800' },
    { given: 'a lone low surrogate before letters', input: '\uDC00abc' },
    { given: 'surrogates in the wrong order', input: '\uDE00\uD83D' },
    { given: 'null bytes', input: 'x\u0000y\u0000' },
    { given: 'control characters', input: '\u0001\u0007\u001B[31mred\u007F' },
    { given: 'a huge combining run', input: `a${'\u0301'.repeat(100_000)}` },
    { given: '200k characters of "a\\u0301"', input: 'a\u0301'.repeat(200_000) },
    { given: 'a combining mark with no base', input: '\u0301\u0302abc' },
    { given: 'only invisible characters', input: '\u200B\u200D\uFEFF\u2060\u00AD' },
    { given: 'unassigned and private-use code points', input: '\u0378\uE000\u{10FFFD}' },
    { given: 'the largest NFKD expansion, repeated', input: 'ﷺ'.repeat(1000) },
  ])('GIVEN $given THEN it returns well-formed text within the length bound', ({ input }) => {
    const { text, origin } = normalize(input);
    expect(origin.length).toBe(text.length);
    expect(text).not.toMatch(/\p{Cs}|\u0000/u);
    expect(text.length).toBeLessThanOrEqual(MAX_EXPANSION * input.length);
  });

  it.each([
    { given: 'a combining run', input: `a${'\u0301'.repeat(100_000)}`, then: 'a' },
    { given: 'repeated "a\\u0301"', input: 'a\u0301'.repeat(200_000), then: 'a' },
    { given: 'a lone high surrogate', input: '\uD800', then: '' },
    { given: 'a lone surrogate between letters', input: 'a\uD800b', then: 'a b' },
  ])('GIVEN $given THEN the text is $then', ({ input, then }) => {
    expect(normalize(input).text).toBe(then);
  });

  it.each([
    { given: 'a number', input: 123, then: '' },
    { given: 'null', input: null, then: '' },
    { given: 'undefined', input: undefined, then: '' },
    { given: 'an array', input: ['a', 'b'], then: '' },
    { given: 'a plain object', input: {}, then: '' },
    { given: 'a symbol', input: Symbol('x'), then: '' },
  ])('GIVEN a non-string ($given) passed as any THEN it does not throw', ({ input, then }) => {
    expect(normalize(input as any).text).toBe(then);
  });

  it('GIVEN an object without a prototype passed as any THEN it does not throw', () => {
    expect(() => normalize(Object.create(null) as any)).not.toThrow();
  });

  it.each(TRICKY.map((input) => ({ input })))('GIVEN $input THEN the text is at most 18× the input', ({ input }) => {
    expect(normalize(input).text.length).toBeLessThanOrEqual(MAX_EXPANSION * input.length);
  });

  // Hashtags are the one exception: "#aB" becomes "a b" (a word break where the case changes).
  it('GIVEN printable ASCII without hashtags THEN the text is never longer than the input', () => {
    let ascii = '';
    for (let c = 0x20; c < 0x7f; c++) ascii += String.fromCharCode(c);
    for (const input of [ascii, 'a.b.c.d e f g', 'x '.repeat(1000)]) {
      expect(normalize(input).text.length).toBeLessThanOrEqual(input.length);
    }
  });
});

describe('normalizedText', () => {
  it('GIVEN texts short and longer than any before (the buffers grow) THEN it is normalize(text).text', () => {
    for (const text of ['Ｆａｋｅ  ＮＥＷＳ!!', '谣 言 r.u.m.o.r', `${'x y '.repeat(150_000)}５Ｇ`]) {
      expect(normalizedText(text)).toBe(normalize(text).text);
    }
  });
});
