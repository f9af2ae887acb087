import { describe, expect, it } from 'vitest';
import { buildPhraseIndex } from '../../src/matching/phraseIndex.js';
import { prepareMessage } from '../../src/matching/prepareMessage.js';
import { isShortQuestion } from '../../src/matching/shortQuestion.js';
import { debunk } from './fixtures.js';

const index = buildPhraseIndex([debunk({ id: 'crash', claim: 'Singer Tamsin Hale died in a car crash in March.', lang: 'en' })]);
const short = (text: string) => isShortQuestion(prepareMessage(text, index, 16_000));

describe('a short question', () => {
  // Fresh hand-written chat: a question asking whether something is true, with a few words around
  // it, was too long to be read as a short question and went unanswered.
  it.each([
    { text: 'Tamsin Hale crash legit?', short: true },
    { text: 'can someone check if the Tamsin Hale crash news is legit before I tell my mom', short: true },
    // Asking nothing about truth, it stays at the short limit.
    { text: 'is Tamsin Hale touring this year? my sister wants tickets for her birthday party', short: false },
    { text: `can someone check if the Tamsin Hale crash news is legit ${'because my whole family keeps forwarding it around '.repeat(2)}`, short: false },
  ])('GIVEN "$text" THEN short: $short', ({ text, short: expected }) => {
    expect(short(text)).toBe(expected);
  });
});
