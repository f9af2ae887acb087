import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/ledger/canonicalJson.js';
import { syntheticEntries } from '../probes/syntheticLedger.js';
import { adminAction, incident, outcome } from './fixtures.js';

/** What the package gives: its text, or the message it throws. */
function either(encode: (value: unknown) => string | undefined, value: unknown): string | undefined {
  try {
    return encode(value);
  } catch (error) {
    return `threw: ${(error as Error).message}`;
  }
}

const cyclic: Record<string, unknown> = { a: 1 };
cyclic.self = cyclic;

const VALUES: unknown[] = [
  null, true, false, 0, -0, 1e21, 1e-7, 0.1 + 0.2, -5.5e-300, Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity,
  '', 'plain', 'quote " backslash \\ tab \t line \n nul \u0000 del \u007f', 'emoji 😀', 'lone \uD800 high', 'lone \uDC00 low', 'end \uD83D', '\u2028\u2029',
  [], [1, 'a', null], [undefined, () => 1, Symbol('s')], { b: 1, a: 2, A: 3, _: 4, é: 5, '😀': 6, '\uFB33': 7, '10': 8, '9': 9 },
  { skip: undefined, sym: Symbol('s'), keep: 0 }, { f: () => 1 }, { ['\uD800']: 1 }, { d: new Date(0) }, { nested: { z: [{ y: { x: [] } }] } },
  cyclic, undefined,
  incident(), adminAction(), outcome('i1', [{ type: 'warn', status: 'done', at: '2026-03-01T10:00:00.000Z' }]),
  ...syntheticEntries(50),
];

describe('canonicalJson', () => {
  it.each(VALUES.map((v, i) => [i, v]))('GIVEN value %i THEN the same text (or refusal) as the canonicalize package', (_, value) => {
    expect(either(canonicalJson, value)).toBe(either(canonicalize as (v: unknown) => string | undefined, value));
  });

  it('GIVEN random JSON-like data THEN the same text as the canonicalize package', () => {
    let s = 7;
    const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const pieces = ['a', 'Z', 'é', '😀', '\uD800', '"', '\\', '\n', '中', '0', ' '];
    const text = () => Array.from({ length: Math.floor(rnd() * 6) }, () => pieces[Math.floor(rnd() * pieces.length)]).join('');
    const value = (depth: number): unknown => {
      const k = rnd();
      if (depth > 3 || k < 0.3) return [null, true, false, rnd() * 1e6 - 5e5, Math.floor(rnd() * 100), text()][Math.floor(rnd() * 6)];
      if (k < 0.6) return Array.from({ length: Math.floor(rnd() * 4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(rnd() * 5) }, () => [text(), value(depth + 1)]));
    };
    for (let i = 0; i < 2_000; i++) {
      const v = value(0);
      expect(either(canonicalJson, v)).toBe(either(canonicalize as (v: unknown) => string | undefined, v));
    }
  });

  it('GIVEN objects with more different lists of keys than it makes writers for, and keys that join alike THEN the same text as the canonicalize package', () => {
    const values: unknown[] = [];
    for (let i = 0; i < 1_500; i++) values.push({ [`k${i}`]: i, z: [{ [`n${i % 7}`]: 'v', a: null }], '\u0000': i % 2 === 0 });
    values.push({ 'a\u0000b': 1 }, { a: 1, b: 2 }, { 'a\u0000b': 1, c: 2 }, { a: 1, 'b\u0000c': 2 }, { toString: 1, constructor: 'x' }, { hasOwnProperty: [] });
    for (const v of values) expect(either(canonicalJson, v)).toBe(either(canonicalize as (v: unknown) => string | undefined, v));
  });
});
