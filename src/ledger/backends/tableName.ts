import { StoreError } from '../../store/storeError.js';

/** Names used inside SQL statements cannot be bound as parameters, so only plain ones are accepted. */
export function checkTableName(table: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(table)) {
    throw new StoreError('bad_url', `ledger table name ${JSON.stringify(table)} is not allowed: use lower-case letters, digits and _ (at most 63, not starting with a digit)`);
  }
  return table;
}
