import { describe, expect, it } from 'vitest';
import { redactUrl, scrubSecrets } from '../../src/store/redactUrl.js';
import { parseStoreUrl } from '../../src/store/storeUrl.js';

// Issue 13 row 6: a store URL whose password holds an unencoded "/" was printed in full, by
// `start` and `ledger verify`, for Redis and Postgres; a credential in the user name position too.

const SECRET = 'S3cret';

/** URLs with the secret where people put it, written right and wrong. */
export const SECRET_URLS = [
  `redis://:${SECRET}/Passw0rd@cache:6379`,
  `redis://default:${SECRET}/Pass@w0rd@cache:6379/0`,
  `rediss://${SECRET}/Passw0rd@cache:6380`,
  `redis://${SECRET}Passw0rd@cache:6379`,
  `postgres://rg:${SECRET}/Passw0rd@db:5432/rg`,
  `postgresql://rg:${SECRET}#Passw0rd@db/rg`,
  `postgres://${SECRET}/Passw0rd@db/rg`,
  `postgres://rg:${SECRET}?x@db/rg`,
  `postgres://rg@db/rg?password=${SECRET}/x`,
  `mongodb://u:${SECRET}/x@db/rg`,
] as const;

describe('store URLs shown anywhere', () => {
  it.each(SECRET_URLS.map((u) => [u]))('GIVEN %s THEN redactUrl shows no part of the secret', (url) => {
    const shown = redactUrl(url);
    expect(shown).not.toContain(SECRET);
    expect(shown).toContain('***');
  });

  it.each(SECRET_URLS.map((u) => [u]))('GIVEN %s THEN a parse error and a driver message quoting it show no secret', (url) => {
    const parsed = parseStoreUrl(url, '/srv');
    if (!parsed.ok) expect(parsed.error).not.toContain(SECRET);
    expect(scrubSecrets(`connect failed: ${url}: auth ${url.includes('password=') ? `${SECRET}/x` : ''}`, url)).not.toContain(SECRET);
  });

  it('GIVEN plain user names with no secret THEN they are kept, for diagnosis', () => {
    expect(redactUrl('postgres://postgres@127.0.0.1:5432/test')).toBe('postgres://postgres@127.0.0.1:5432/test');
    expect(redactUrl('redis://default:pw@cache:6379')).toBe('redis://default:***@cache:6379');
    expect(redactUrl(`redis://:${SECRET}/Passw0rd@cache:6379`)).toBe('redis://:***@cache:6379');
  });
});

describe('the commands that print a store URL', () => {
  it.each([
    ['ledger verify', ['ledger', 'verify', '--store', `redis://:${SECRET}/Passw0rd@127.0.0.1:1`]],
    ['ledger verify on postgres', ['ledger', 'verify', '--store', `postgres://rg:${SECRET}/Passw0rd@127.0.0.1:1/rg`]],
    ['start', ['start']],
  ] as const)('GIVEN %s with a password holding "/" THEN its output shows no part of it', async (_, args) => {
    const { botEnv, runCli } = await import('../adapters/botProcess.js');
    const run = await runCli(args, botEnv({ STORE_URL: `redis://${SECRET}/Passw0rd@127.0.0.1:1`, SPOOL_FILE: '/nonexistent/spool.jsonl' }));
    expect(run.code).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toMatch(/\*\*\*/);
    expect(`${run.stdout}${run.stderr}`).not.toContain(SECRET);
  }, 60_000);
});
