import { isDamaged, storedItem, type DamagedEntry, type StoredItem } from '../storedEntry.js';

/**
 * An entry as stored (the JSON it was appended as), at the place that stands for `seq`. Text that
 * is not JSON, or JSON that is not an entry, can only be a damaged or hand-edited store: it comes
 * back as damage at that seq, for verification to name.
 */
export function parseStoredEntry(text: string, seq: number): StoredItem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { damaged: true, seq, reason: 'not JSON' };
  }
  return storedItem(value, seq);
}

/**
 * Whether a row's `hash` and `prev` columns (which the appends check the head by) are the entry's
 * own, in SQL over the stored text: an entry is stored as JSON.stringify writes it, and a hex hash
 * needs no escaping, so its `"hash":"…"` is there as written. A column edited by hand would
 * otherwise pass verification (which reads the entries) while the bot chains its next entry to it.
 */
export const COLUMNS_AGREE_SQLITE = `(instr(entry, '"hash":"' || hash || '"') > 0 AND instr(entry, '"prev":"' || prev || '"') > 0)`;
export const COLUMNS_AGREE_POSTGRES = `(strpos(entry, '"hash":"' || hash || '"') > 0 AND strpos(entry, '"prev":"' || prev || '"') > 0)`;

/**
 * A SQL row's entry (see parseStoredEntry), or damage when its hash or prev column is not the
 * entry's own (`columnsAgree`, see COLUMNS_AGREE_SQLITE).
 */
export function parseStoredRow(text: string, seq: number, columnsAgree: unknown): StoredItem {
  const item = parseStoredEntry(text, seq);
  if (columnsAgree || isDamaged(item)) return item;
  return { damaged: true, seq, reason: "its hash or prev column is not the entry's own (edited by hand)" } satisfies DamagedEntry;
}
