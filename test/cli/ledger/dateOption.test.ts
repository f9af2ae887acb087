import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseDateOption } from '../../../src/cli/ledger/dateOption.js';

describe('parseDateOption', () => {
  it.each([
    ['2026-01-31', '2026-01-31T00:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['2026-01-31T18:00Z', '2026-01-31T18:00:00.000Z'],
    ['2026-01-31T18:00:30.5+08:00', '2026-01-31T10:00:30.500Z'],
  ])('GIVEN %s THEN %s', (value, iso) => {
    expect(parseDateOption(value).toISOString()).toBe(iso);
  });

  it.each(['', '1', '2026', '2026-1-5', '2026-02-30', '2025-02-29', '2026-13-01', '2026-01-31T25:00Z', '31/01/2026', 'yesterday'])(
    'GIVEN %j THEN it is refused as not a date',
    (value) => {
      expect(() => parseDateOption(value)).toThrow(InvalidArgumentError);
    },
  );
});
