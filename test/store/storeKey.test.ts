import { describe, expect, it } from 'vitest';
import { storeKey } from '../../src/store/storeKey.js';

describe('storeKey', () => {
  it.each([
    { given: 'plain ids (every Telegram and Discord id)', parts: ['strikes', 'enforce', '-1001234567890', '987654321'], then: 'strikes:enforce:-1001234567890:987654321' },
    { given: 'a part holding ":"', parts: ['strikes', 'enforce', 'team', 'red:alice'], then: 'strikes:enforce:team:red%3Aalice' },
    { given: 'a part holding "%" and an escape-looking text', parts: ['feedback', '100%3A'], then: 'feedback:100%253A' },
    { given: 'an empty part and a number', parts: ['tg', '', 42], then: 'tg::42' },
  ])('GIVEN $given THEN $then', ({ parts, then }) => {
    expect(storeKey(...parts)).toBe(then);
  });

  it('GIVEN the parts of the issue (team + red:alice, team:red + alice) THEN two different keys', () => {
    expect(storeKey('strikes', 'enforce', 'team', 'red:alice')).not.toBe(storeKey('strikes', 'enforce', 'team:red', 'alice'));
  });
});
