/**
 * The vaultMeta store: the sealed data key and the count of consecutive wrong passphrases, both
 * parsed on read (a damaged record goes to quarantine and is kept there).
 */
import type { FailedUnlocks } from '@/utils/vault/unlock-throttle';
import type { AppDatabase } from './database';
import { readParsed } from './quarantine';
import {
  UNLOCK_FAILURES_RECORD,
  VAULT_KEY_RECORD,
  unlockFailuresRecordSchema,
  vaultKeyRecordSchema,
  type VaultKeyRecord,
} from './stored-records';
import { writeTransaction } from './transactions';

export function readVaultKey(database: AppDatabase): Promise<VaultKeyRecord | undefined> {
  return readParsed(database, 'vaultMeta', VAULT_KEY_RECORD, vaultKeyRecordSchema);
}

export function readUnlockFailures(database: AppDatabase): Promise<FailedUnlocks | undefined> {
  return readParsed(database, 'vaultMeta', UNLOCK_FAILURES_RECORD, unlockFailuresRecordSchema);
}

/** Writes the key record and clears the failure count in one transaction. */
export async function writeVaultKey(database: AppDatabase, record: VaultKeyRecord): Promise<void> {
  await writeTransaction(database, ['vaultMeta'], async (transaction) => {
    await transaction.store.put(record);
    await transaction.store.delete(UNLOCK_FAILURES_RECORD);
  });
}

/** Setup only: refuses to replace a vault that already exists. */
export async function createVaultKey(database: AppDatabase, record: VaultKeyRecord): Promise<boolean> {
  return writeTransaction(database, ['vaultMeta'], async (transaction) => {
    if ((await transaction.store.get(VAULT_KEY_RECORD)) !== undefined) return false;
    await transaction.store.add(record);
    await transaction.store.delete(UNLOCK_FAILURES_RECORD);
    return true;
  });
}

export async function writeUnlockFailures(database: AppDatabase, failures: FailedUnlocks): Promise<void> {
  await writeTransaction(database, ['vaultMeta'], async (transaction) => {
    await transaction.store.put({ key: UNLOCK_FAILURES_RECORD, ...failures });
  });
}

export async function clearUnlockFailures(database: AppDatabase): Promise<void> {
  await writeTransaction(database, ['vaultMeta'], async (transaction) => {
    await transaction.store.delete(UNLOCK_FAILURES_RECORD);
  });
}
