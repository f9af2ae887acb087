import { describe, expect, it } from 'vitest';
import { whyWord } from '../../src/dashboard/pages/outcomeWords.js';
import { translator } from '../../src/dashboard/texts.js';

// QA: the English incident list said "alert_owners: skipped (no_target)", which explains nothing,
// where an owner alert had nowhere to go.
describe('why an action was not done, on the dashboard', () => {
  it.each([
    { lang: 'en', why: 'no_target', type: 'alert_owners', word: 'no alert chat linked and no owner reachable' },
    { lang: 'zh', why: 'no_target', type: 'alert_owners', word: '未关联提醒聊天，也联系不上群主' },
    { lang: 'en', why: 'no_target', type: 'mute', word: 'nothing to act on' },
    { lang: 'en', why: 'action_disabled', type: 'warn', word: 'not enabled for the group' },
    { lang: 'en', why: 'from_a_newer_version', type: 'warn', word: 'from_a_newer_version' },
  ] as const)('GIVEN $type $why in $lang THEN "$word"', ({ lang, why, type, word }) => {
    expect(whyWord(translator(lang), { type, why })).toBe(word);
  });
});
