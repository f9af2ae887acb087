import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../src/chatlog/parseTimestamp.js';

const MAY_2 = Date.UTC(2024, 4, 2, 8, 0, 0);

describe('parseTimestamp', () => {
  it.each([
    { given: 'an ISO date with a zone', value: '2024-05-02T08:00:00Z', want: MAY_2 },
    { given: 'an ISO date with an offset', value: '2024-05-02T10:00:00+02:00', want: MAY_2 },
    { given: 'epoch seconds', value: MAY_2 / 1000, want: MAY_2 },
    { given: 'epoch seconds as text (Telegram date_unixtime)', value: String(MAY_2 / 1000), want: MAY_2 },
    { given: 'epoch milliseconds', value: MAY_2, want: MAY_2 },
    { given: 'epoch milliseconds as text', value: String(MAY_2), want: MAY_2 },
    { given: 'words', value: 'yesterday', want: undefined },
    { given: 'a date Date.parse would guess at', value: 'March 7', want: undefined },
    { given: 'an impossible ISO date', value: '2024-13-45', want: undefined },
    { given: 'a negative number', value: -5, want: undefined },
    { given: 'infinity', value: Number.POSITIVE_INFINITY, want: undefined },
  ])('GIVEN $given THEN it is $want', ({ value, want }) => {
    expect(parseTimestamp(value)).toBe(want);
  });
});
