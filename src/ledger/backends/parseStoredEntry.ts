import { storedItem, type StoredItem } from '../storedEntry.js';

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
