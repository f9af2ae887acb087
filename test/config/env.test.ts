import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENV_DEFAULTS, readEnv } from '../../src/config/env.js';

describe('.env.example', () => {
  const lines = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => /^[A-Z_]+=/.test(l));
  const documented = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));

  it('GIVEN the variables the code reads THEN .env.example documents each with its default', () => {
    expect(documented).toEqual(ENV_DEFAULTS);
  });
});

describe('readEnv', () => {
  it.each([
    { given: 'nothing set', source: {}, then: { DEBUNKS_DIR: 'rules/debunks', LOG_LEVEL: 'info' } },
    { given: 'empty values', source: { DEBUNKS_DIR: '', LOG_LEVEL: '' }, then: { DEBUNKS_DIR: 'rules/debunks', LOG_LEVEL: 'info' } },
    { given: 'a custom folder', source: { DEBUNKS_DIR: 'my/debunks' }, then: { DEBUNKS_DIR: 'my/debunks' } },
  ])('GIVEN $given THEN the defaults fill in', ({ source, then }) => {
    const r = readEnv(source);
    expect(r.ok && r.env).toMatchObject(then);
  });

  it('GIVEN a bad log level THEN the error names the variable', () => {
    const r = readEnv({ LOG_LEVEL: 'loud' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^LOG_LEVEL: /);
  });
});
