/**
 * A store key from its parts, joined with `:`. Each part is escaped (`%` as `%25`, `:` as `%3A`)
 * so that no part can pass for two: member `red:alice` in group `team` and member `alice` in
 * group `team:red` get different keys. Parts holding neither character, which is every Telegram
 * and Discord id, are written as they are, so their keys are the same as before escaping
 * (schema 1); see schemaVersion.ts for the keys that moved.
 */
export function storeKey(...parts: readonly (string | number)[]): string {
  return parts.map((part) => String(part).replaceAll('%', '%25').replaceAll(':', '%3A')).join(':');
}
