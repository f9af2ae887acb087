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

  it.each(['SPOOL_FILE', 'LEDGER_KEY_FILE', 'LEDGER_CHECKPOINT_FILE'])('GIVEN %s naming a folder THEN the error names the variable and says to name a file', (variable) => {
    const r = readEnv({ [variable]: 'rules' });
    expect(!r.ok && r.error).toBe(`${variable}: is a folder: name a file (it is made when missing)`);
  });

  it('GIVEN a bad log level THEN the error names the variable', () => {
    const r = readEnv({ LOG_LEVEL: 'loud' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^LOG_LEVEL: /);
  });
});

describe('readEnv: Telegram', () => {
  it.each([
    { given: 'a webhook URL that is not http(s)', source: { TELEGRAM_WEBHOOK_URL: 'ftp://bot.example.com/tg' }, variable: 'TELEGRAM_WEBHOOK_URL' },
    { given: 'a port out of range', source: { TELEGRAM_WEBHOOK_PORT: '70000' }, variable: 'TELEGRAM_WEBHOOK_PORT' },
    { given: 'a secret with characters Telegram refuses', source: { TELEGRAM_WEBHOOK_SECRET: 'no spaces!' }, variable: 'TELEGRAM_WEBHOOK_SECRET' },
    { given: 'an API root that is not a URL', source: { TELEGRAM_API_ROOT: 'localhost' }, variable: 'TELEGRAM_API_ROOT' },
  ])('GIVEN $given THEN the error names $variable', ({ source, variable }) => {
    const r = readEnv(source);
    expect(!r.ok && r.error).toMatch(new RegExp(`^${variable}: `));
  });

  it('GIVEN nothing set THEN long polling against Telegram\'s own API', () => {
    const r = readEnv({});
    expect(r.ok && r.env).toMatchObject({ TELEGRAM_API_ROOT: 'https://api.telegram.org', TELEGRAM_WEBHOOK_PORT: 8443 });
    expect(r.ok && r.env.TELEGRAM_WEBHOOK_URL).toBeUndefined();
  });
});

describe('readEnv: ledger evidence', () => {
  it('GIVEN nothing set THEN the key and checkpoint files are under data/ and texts are kept 180 days', () => {
    const r = readEnv({});
    expect(r.ok && r.env).toMatchObject({ LEDGER_KEY_FILE: 'data/ledger-signing-key.pem', LEDGER_CHECKPOINT_FILE: 'data/ledger-checkpoints.json', LEDGER_TEXT_DAYS: 180 });
  });

  it.each(['-1', '1.5', 'forever'])('GIVEN LEDGER_TEXT_DAYS=%s THEN the error names the variable', (days) => {
    const r = readEnv({ LEDGER_TEXT_DAYS: days });
    expect(!r.ok && r.error).toBe('LEDGER_TEXT_DAYS: must be a whole number of days (0 keeps no message text)');
  });

  it('GIVEN LEDGER_TEXT_DAYS=0 THEN no text is kept (0 days)', () => {
    const r = readEnv({ LEDGER_TEXT_DAYS: '0' });
    expect(r.ok && r.env.LEDGER_TEXT_DAYS).toBe(0);
  });
});
