import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEnv } from '../../src/config/env.js';
import { openStore } from '../../src/store/openStore.js';
import { redactUrl, scrubSecrets } from '../../src/store/redactUrl.js';
import { parseStoreUrl } from '../../src/store/storeUrl.js';

const CWD = '/srv/rumorguard';

describe('parseStoreUrl', () => {
  it.each([
    { given: 'memory:', then: { backend: 'memory' } },
    { given: 'sqlite://data/rumorguard.sqlite', then: { backend: 'sqlite', file: path.join(CWD, 'data/rumorguard.sqlite') } },
    { given: 'sqlite://./state.db', then: { backend: 'sqlite', file: path.join(CWD, 'state.db') } },
    { given: 'sqlite:///var/lib/rumorguard/state.sqlite', then: { backend: 'sqlite', file: '/var/lib/rumorguard/state.sqlite' } },
    { given: 'SQLite://data/x.sqlite', then: { backend: 'sqlite', file: path.join(CWD, 'data/x.sqlite') } },
    { given: 'redis://127.0.0.1:6379', then: { backend: 'redis', url: 'redis://127.0.0.1:6379' } },
    { given: 'redis://:secret@cache:6379/2', then: { backend: 'redis', url: 'redis://:secret@cache:6379/2' } },
    { given: 'rediss://user:secret@cache.example:6380', then: { backend: 'redis', url: 'rediss://user:secret@cache.example:6380' } },
    { given: 'postgres://postgres@127.0.0.1:5432/test', then: { backend: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/test' } },
    { given: 'postgresql://u:p@db/rg', then: { backend: 'postgres', url: 'postgresql://u:p@db/rg' } },
    { given: 'postgres:///rg?host=/var/run/postgresql', then: { backend: 'postgres', url: 'postgres:///rg?host=/var/run/postgresql' } },
  ])('GIVEN $given THEN $then.backend', ({ given, then }) => {
    expect(parseStoreUrl(given, CWD)).toEqual({ ok: true, target: then });
  });

  it.each([
    { given: 'mongodb://u:hunter2@db/rg', code: 'unknown_scheme', error: /^store URL "mongodb:\/\/u:\*\*\*@db\/rg" has an unknown scheme "mongodb:"; use one of: memory:; sqlite:\/\/.*redis:\/\/.*postgres:\/\// },
    { given: 'data/rumorguard.sqlite', code: 'unknown_scheme', error: /^store URL "data\/rumorguard\.sqlite" has no scheme; use one of: memory:/ },
    { given: 'sqlite:', code: 'bad_url', error: /sqlite:\/\/relative\/path\.sqlite or sqlite:\/\/\/absolute\/path\.sqlite/ },
    { given: 'sqlite://', code: 'bad_url', error: /sqlite:\/\/relative/ },
    { given: 'memory:xyz', code: 'bad_url', error: /memory: takes nothing after the colon/ },
    { given: 'redis://:hunter2@', code: 'bad_url', error: /names no host|not a valid URL/ },
    { given: 'postgres://u:hunter2@:5432/db', code: 'bad_url', error: /names no host|not a valid URL/ },
  ])('GIVEN $given THEN $code, and the message shows no password', ({ given, code, error }) => {
    const parsed = parseStoreUrl(given, CWD);
    expect(parsed).toMatchObject({ ok: false, code });
    expect(!parsed.ok && parsed.error).toMatch(error);
    expect(!parsed.ok && parsed.error).not.toMatch(/hunter2/);
  });
});

describe('redactUrl', () => {
  it.each([
    { given: 'redis://:hunter2@127.0.0.1:6379/0', then: 'redis://:***@127.0.0.1:6379/0' },
    { given: 'redis://default:hunter2@cache:6379', then: 'redis://default:***@cache:6379' },
    { given: 'postgres://rg:hun%40ter2@db:5432/rg', then: 'postgres://rg:***@db:5432/rg' },
    { given: 'postgres://rg@db/rg?sslmode=require&password=hunter2', then: 'postgres://rg@db/rg?sslmode=require&password=***' },
    { given: 'postgres://postgres@127.0.0.1:5432/test', then: 'postgres://postgres@127.0.0.1:5432/test' },
    { given: 'sqlite://data/rumorguard.sqlite', then: 'sqlite://data/rumorguard.sqlite' },
    { given: 'memory:', then: 'memory:' },
    { given: 'not a url, but //rg:hunter2@db', then: 'not a url, but //rg:***@db' },
  ])('GIVEN $given THEN $then', ({ given, then }) => {
    expect(redactUrl(given)).toBe(then);
  });

  it('GIVEN a driver message quoting the URL or the password THEN scrubSecrets hides both', () => {
    const url = 'postgres://rg:hun%40ter2@db/rg';
    expect(scrubSecrets(`failed: ${url} (password hun@ter2)`, url)).toBe('failed: postgres://rg:***@db/rg (password ***)');
  });
});

describe('openStore', () => {
  it('GIVEN an unknown scheme THEN it rejects with a StoreError listing the accepted schemes, password redacted', async () => {
    const error = await openStore('mysql://rg:hunter2@db/rg').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'StoreError', code: 'unknown_scheme' });
    expect((error as Error).message).toMatch(/mysql:\/\/rg:\*\*\*@db\/rg.*memory:.*sqlite:\/\/.*redis:\/\/.*postgres:\/\//);
    expect((error as Error).message).not.toMatch(/hunter2/);
  });

  it('GIVEN a table name that is not a plain identifier THEN it is refused before anything is opened', async () => {
    await expect(openStore('memory:', { table: 'kv; drop table x' })).rejects.toThrow(/letters, digits and _/);
  });
});

describe('STORE_URL in the environment', () => {
  it('GIVEN nothing set THEN the default is the SQLite file under data/', () => {
    const r = readEnv({});
    expect(r.ok && r.env.STORE_URL).toBe('sqlite://data/rumorguard.sqlite');
  });

  it('GIVEN an unknown scheme THEN the error names STORE_URL and the accepted schemes, without the password', () => {
    const r = readEnv({ STORE_URL: 'mongodb://rg:hunter2@db/rg' });
    expect(!r.ok && r.error).toMatch(/^STORE_URL: store URL "mongodb:\/\/rg:\*\*\*@db\/rg" has an unknown scheme.*redis:\/\/.*postgres:\/\//);
    expect(!r.ok && r.error).not.toMatch(/hunter2/);
  });
});
