/** What a secret is replaced with wherever a store URL is shown. */
export const REDACTED = '***';

// Connection strings may carry secrets in the query too (pg reads `?password=`).
const SECRET_PARAM = /pass|secret|token|key/i;
const SECRET_QUERY = /([?&][^=&#]*(?:pass|secret|token|key)[^=&#]*=)[^&#]*/gi;
/** A user name as RFC 3986 allows it in userinfo; anything else is taken for a mistyped secret. */
const PLAIN_USER = /^[A-Za-z0-9._~%!$'()*+,;=-]*$/;

/** Where the userinfo of `url` is: after the first `//`, up to the last `@` (a password may hold `/` or `@`). */
function userinfoOf(url: string): { start: number; end: number; info: string } | undefined {
  const slashes = url.indexOf('//');
  if (slashes < 0 || /^(sqlite|memory):/i.test(url)) return undefined;
  const start = slashes + 2;
  const end = url.lastIndexOf('@');
  if (end < start) return undefined;
  return { start, end, info: url.slice(start, end) };
}

/** Whether `url` is read by the WHATWG parser (with its userinfo where it was meant to be). */
function parses(url: string): boolean {
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

/**
 * The secret part of a userinfo: the password after the first `:`; a user name alone is one
 * where it cannot be a plain name (the URL does not parse, or it holds characters a name cannot),
 * or on Redis, which takes no user name without a password (`redis://s3cret@host` is a password).
 */
function secretOf(url: string, info: string): { user: string | undefined; secret: string } {
  const colon = info.indexOf(':');
  const user = colon >= 0 ? info.slice(0, colon) : info;
  // Before a `:` only a name can stand; a name alone may be a misplaced secret unless the URL parses.
  if (colon >= 0) return PLAIN_USER.test(user) ? { user, secret: info.slice(colon + 1) } : { user: undefined, secret: info };
  if (!PLAIN_USER.test(user) || !parses(url) || /^rediss?:/i.test(url)) return { user: undefined, secret: info };
  return { user, secret: '' };
}

/**
 * The URL with its password (and any password-like query parameter) replaced by `***`, safe to
 * log or show, whether or not the URL parses: `redis://:S3cret/Passw0rd@host` (a `/` not
 * percent-encoded) shows as `redis://:***@host`. A user name stays unless it may be the secret
 * itself (see secretOf). Works on any text holding `//userinfo@`.
 */
export function redactUrl(url: string): string {
  let out = url;
  const where = userinfoOf(url);
  if (where) {
    const { user, secret } = secretOf(url, where.info);
    if (secret) out = `${url.slice(0, where.start)}${user === undefined ? REDACTED : `${user}:${REDACTED}`}${url.slice(where.end)}`;
  }
  return out.replace(SECRET_QUERY, `$1${REDACTED}`);
}

/**
 * The secrets of a URL as they may appear in a driver's error text: the password (or the whole
 * userinfo taken for one) raw and percent-decoded, and password-like query values.
 */
function secretsOf(url: string): string[] {
  const secrets = new Set<string>();
  const where = userinfoOf(url);
  if (where) {
    const { secret } = secretOf(url, where.info);
    secrets.add(secret);
    secrets.add(safeDecode(secret));
  }
  for (const match of url.matchAll(/[?&]([^=&#]*)=([^&#]*)/g)) {
    if (SECRET_PARAM.test(match[1]!) && match[2]) {
      secrets.add(match[2]);
      secrets.add(safeDecode(match[2]));
    }
  }
  secrets.delete('');
  // Longest first, so a secret that contains another is replaced whole.
  return [...secrets].sort((a, b) => b.length - a.length);
}

/** `text` (a driver's error message, say) with every secret of `url` replaced by `***`. */
export function scrubSecrets(text: string, url: string): string {
  let out = text.replaceAll(url, redactUrl(url));
  for (const secret of secretsOf(url)) out = out.replaceAll(secret, REDACTED);
  return out;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
