/** What a secret is replaced with wherever a store URL is shown. */
export const REDACTED = '***';

// Connection strings may carry secrets in the query too (pg reads `?password=`).
const SECRET_PARAM = /pass|secret|token|key/i;

/**
 * The URL with its password (and any password-like query parameter) replaced by `***`, safe to
 * log or show. A string that is not a URL at all is redacted by pattern: `//user:secret@`.
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.replace(/(\/\/[^/@:]*:)[^/@]*@/, `$1${REDACTED}@`);
  }
  // WHATWG URL parsing only splits out credentials for "special" schemes and those with a
  // host, which redis:// and postgres:// are; sqlite:// paths carry none.
  if (parsed.password) parsed.password = REDACTED;
  for (const name of [...parsed.searchParams.keys()]) {
    if (SECRET_PARAM.test(name)) parsed.searchParams.set(name, REDACTED);
  }
  // URL may percent-encode `*` in the userinfo; undo that so the mark reads as written.
  return parsed.toString().replaceAll('%2A%2A%2A', REDACTED);
}

/**
 * The secrets of a URL as they may appear in a driver's error text: the password raw and
 * percent-decoded, and password-like query values.
 */
function secretsOf(url: string): string[] {
  const secrets = new Set<string>();
  try {
    const parsed = new URL(url);
    if (parsed.password) {
      secrets.add(parsed.password);
      secrets.add(safeDecode(parsed.password));
    }
    for (const [name, value] of parsed.searchParams) if (SECRET_PARAM.test(name) && value) secrets.add(value);
  } catch {
    const match = /\/\/[^/@:]*:([^/@]*)@/.exec(url);
    if (match?.[1]) secrets.add(match[1]);
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
