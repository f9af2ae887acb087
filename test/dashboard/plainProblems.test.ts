import { describe, expect, it } from 'vitest';
import { plainProblem, plainProblems } from '../../src/dashboard/data/plainProblems.js';
import { problemsByField } from '../../src/dashboard/data/rulesForm.js';
import { translator } from '../../src/dashboard/texts.js';

const en = translator('en');
const zh = translator('zh');

describe('plainProblem (the rules form\'s problems as admins read them)', () => {
  it.each([
    { given: 'suggest above act', problem: 'must not be above thresholds.act', en: 'must not be above the act threshold', zh: '不能高于处理阈值' },
    { given: 'a threshold out of range', problem: 'must be between 0 and 1', en: 'must be between 0 and 1', zh: '须在 0 到 1 之间' },
    { given: 'a field that is not a number', problem: 'must be a number (got "abc")', en: 'must be a number (got "abc")', zh: '须为数字（收到“abc”）' },
    { given: 'a negative repeat window (zod\'s own words)', problem: 'Too small: expected number to be >=0', en: 'must not be below 0', zh: '不能小于 0' },
    {
      given: 'a ladder step that is no action',
      problem: 'line 1: must be one of reply_refutation, warn, delete, alert_owners or "mute <duration>" (got "bogus")',
      en: 'line 1: must be one of reply_refutation, warn, delete, alert_owners or "mute <duration>" (got "bogus")',
      zh: '第 1 行：须为以下之一：reply_refutation, warn, delete, alert_owners，或“mute <时长>”（收到“bogus”）',
    },
    { given: 'a mute without a duration', problem: 'line 2: "mute" needs a duration such as "mute 1h" or "mute 30m" (got "mute")', en: 'line 2: "mute" needs a duration such as "mute 1h" or "mute 30m" (got "mute")', zh: '第 2 行：“mute”需要时长，例如“mute 1h”或“mute 30m”（收到“mute”）' },
    { given: 'a choice not offered', problem: 'must be one of pointer, silent (got "loud")', en: 'must be one of pointer, silent (got "loud")', zh: '须为以下之一：pointer, silent（收到 "loud"）' },
    { given: 'a setting the form has no field for, by its path', problem: 'thresholds.answer: must be between 0 and 1', en: 'Answer threshold: must be between 0 and 1', zh: '回答阈值：须在 0 到 1 之间' },
    { given: 'the core\'s answer naming a field path', problem: 'thresholds.suggest: must not be above thresholds.act', en: 'Suggest threshold: must not be above the act threshold', zh: '提示阈值：不能高于处理阈值' },
    { given: 'a problem not known here', problem: 'Something else went wrong', en: 'Something else went wrong', zh: 'Something else went wrong' },
  ])('GIVEN $given THEN English says it in plain words and Chinese in Chinese', ({ problem, en: english, zh: chinese }) => {
    expect(plainProblem(en, problem)).toBe(english);
    expect(plainProblem(zh, problem)).toBe(chinese);
  });

  it('GIVEN the engine\'s problems of a form THEN each field\'s are reworded, none in a field path', () => {
    const byField = problemsByField(['thresholds.suggest: must not be above thresholds.act', 'thresholds.act: must be between 0 and 1', 'ladder.default[0][0]: must be one of reply_refutation, warn, delete, alert_owners or "mute <duration>" (got "x")']);
    const said = plainProblems(zh, byField);
    expect(Object.fromEntries(said)).toEqual({
      'thresholds.suggest': ['不能高于处理阈值'],
      'thresholds.act': ['须在 0 到 1 之间'],
      'ladder.default': ['第 1 行：须为以下之一：reply_refutation, warn, delete, alert_owners，或“mute <时长>”（收到“x”）'],
    });
    expect([...plainProblems(en, byField).values()].flat().join('\n')).not.toMatch(/thresholds\.|\[\d\]/);
  });
});
