/**
 * Empties every store of the background's database in one transaction: the vault's key, the
 * profiles, the FedACH directory, the settings, the activity log, the quarantine and the list's
 * first page. All or nothing, so an erase that fails half-way leaves the data as it was.
 */
import type { AppDatabase, AppStoreName } from './database';
import { writeTransaction } from './transactions';

export async function eraseDatabase(database: AppDatabase): Promise<void> {
  const stores = Array.from(database.objectStoreNames) as AppStoreName[];
  await writeTransaction(database, stores, async (transaction) => {
    await Promise.all(stores.map((name) => transaction.objectStore(name).clear()));
  });
}
