import { describe, expect, it } from 'vitest';
import { withFieldLabels } from '../../src/dashboard/routes/groupPages.js';
import { translator } from '../../src/dashboard/texts.js';

// Browser QA: the queue's accept form said "sources[0].title: must not be empty; sources[0].url: …",
// naming a field the form has not, by the schema's paths.
describe('a refused accept, as the queue form shows it', () => {
  it.each([
    {
      lang: 'en',
      reply: 'The debunk is not valid: sources[0].title: must not be empty; sources[0].url: must be an http:// or https:// address',
      shown: 'The debunk is not valid: Source URL: must be an http:// or https:// address',
    },
    { lang: 'en', reply: 'The debunk is not valid: refutation: must not be empty', shown: 'The debunk is not valid: Refutation (what is true instead): must not be empty' },
    { lang: 'zh', reply: '辟谣条目无效：sources[0].url: must be an http:// or https:// address', shown: '辟谣条目无效：来源网址: must be an http:// or https:// address' },
    { lang: 'en', reply: 'No open item abc.', shown: 'No open item abc.' },
  ] as const)('GIVEN "$reply" THEN "$shown"', ({ lang, reply, shown }) => {
    expect(withFieldLabels(reply, translator(lang))).toBe(shown);
  });
});
