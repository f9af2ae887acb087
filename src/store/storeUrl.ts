import path from 'node:path';
import { redactUrl } from './redactUrl.js';
import { STORE_ERROR_CODES, type StoreErrorCode } from './storeError.js';

/** The backends a store URL can name. */
export type StoreBackend = 'memory' | 'sqlite' | 'redis' | 'postgres';

/**
 * Where state lives when STORE_URL is not set: a SQLite file under the working directory,
 * created on first run.
 */
export const DEFAULT_STORE_URL = 'sqlite://data/rumorguard.sqlite';

/** The accepted forms, as shown in every "unknown scheme" message. */
export const ACCEPTED_STORE_URLS = [
  'memory:',
  'sqlite://relative/path.sqlite or sqlite:///absolute/path.sqlite',
  'redis://[user:password@]host:port[/db] (rediss:// for TLS)',
  'postgres://user[:password]@host:port/database (or postgresql://)',
] as const;

/** A parsed store URL. */
export type StoreTarget =
  | { backend: 'memory' }
  | { backend: 'sqlite'; /** Absolute path of the database file. */ file: string }
  | { backend: 'redis' | 'postgres'; /** The URL as given, for the driver. */ url: string };

export type ParsedStoreUrl = { ok: true; target: StoreTarget } | { ok: false; code: StoreErrorCode; error: string };

const SCHEMES: Record<string, StoreBackend> = {
  'memory:': 'memory',
  'sqlite:': 'sqlite',
  'redis:': 'redis',
  'rediss:': 'redis',
  'postgres:': 'postgres',
  'postgresql:': 'postgres',
};

/**
 * Reads a store URL. A relative SQLite path is resolved against `cwd`. Failures are values whose
 * message shows the URL with its password redacted and lists the accepted forms.
 */
export function parseStoreUrl(url: string, cwd: string = process.cwd()): ParsedStoreUrl {
  const shown = redactUrl(url);
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url.trim())?.[0].toLowerCase();
  const backend = scheme === undefined ? undefined : SCHEMES[scheme];
  if (backend === undefined) {
    const what = scheme === undefined ? 'has no scheme' : `has an unknown scheme "${scheme}"`;
    return fail('unknown_scheme', `store URL "${shown}" ${what}; use one of: ${ACCEPTED_STORE_URLS.join('; ')}`);
  }
  const rest = url.trim().slice(scheme!.length);
  switch (backend) {
    case 'memory':
      if (rest !== '' && rest !== '//') return fail('bad_url', `store URL "${shown}": memory: takes nothing after the colon`);
      return { ok: true, target: { backend } };
    case 'sqlite': {
      // Not parsed with URL: "sqlite://data/x.sqlite" would make "data" a host name.
      if (!rest.startsWith('//') || rest.length === 2) {
        return fail('bad_url', `store URL "${shown}": write sqlite://relative/path.sqlite or sqlite:///absolute/path.sqlite`);
      }
      return { ok: true, target: { backend, file: path.resolve(cwd, rest.slice(2)) } };
    }
    case 'redis':
    case 'postgres': {
      let parsed: URL;
      try {
        parsed = new URL(url.trim());
      } catch {
        return fail('bad_url', `store URL "${shown}" is not a valid URL`);
      }
      // pg also takes a Unix socket folder as ?host=/var/run/postgresql with no host part.
      const host = parsed.hostname || (backend === 'postgres' ? parsed.searchParams.get('host') : '');
      if (!host) return fail('bad_url', `store URL "${shown}" names no host`);
      return { ok: true, target: { backend, url: url.trim() } };
    }
  }
}

function fail(code: StoreErrorCode, error: string): ParsedStoreUrl {
  return { ok: false, code: STORE_ERROR_CODES[code], error };
}
