/**
 * Converts between the bank core's BankProfile (account number in clear, only in memory) and the
 * stored record (account number as ciphertext). The ciphertext is bound to the profile's id, so
 * an account number copied onto another profile's record fails to decrypt instead of silently
 * sending that importer's refunds elsewhere.
 */
import type { BankProfile } from '@/utils/bank/profile-schema';
import type { ProfileSummary } from '@/utils/messaging/shapes';
import { decryptField, encryptField } from '@/utils/vault/field-cipher';
import { clearLastDigits } from './account-digits';
import type { StoredProfile } from './stored-records';

/** A profile with its id, account number in clear: what profiles/get answers. */
export type SavedProfile = BankProfile & { id: string; lastVerification?: StoredProfile['lastVerification'] };

function accountContext(id: string): string {
  return `ace-ach-assist/profile/${id}/accountNumber`;
}

/** The record to store; encrypts afresh (new IV) on every call. */
export async function sealProfile(
  dataKey: CryptoKey,
  id: string,
  profile: BankProfile,
  extra: Pick<StoredProfile, 'lastVerification' | 'deletedAt'> = {},
): Promise<StoredProfile> {
  const { accountNumber, ...rest } = profile;
  const record: StoredProfile = {
    ...rest,
    id,
    accountLast4: clearLastDigits(accountNumber),
    accountCipher: await encryptField(dataKey, accountNumber, accountContext(id)),
  };
  if (extra.lastVerification) record.lastVerification = extra.lastVerification;
  if (extra.deletedAt) record.deletedAt = extra.deletedAt;
  return record;
}

export function openAccountNumber(dataKey: CryptoKey, record: StoredProfile): Promise<string> {
  return decryptField(dataKey, record.accountCipher, accountContext(record.id));
}

/** The BankProfile fields of a record plus its id and verification, account number decrypted. */
export async function openProfile(dataKey: CryptoKey, record: StoredProfile): Promise<SavedProfile> {
  const { accountCipher: _cipher, accountLast4: _last, deletedAt: _deleted, ...rest } = record;
  return { ...rest, accountNumber: await openAccountNumber(dataKey, record) };
}

export function summarizeProfile(record: StoredProfile): ProfileSummary {
  const summary: ProfileSummary = {
    id: record.id,
    label: record.label,
    importerName: record.importerName,
    importerNumbers: [...record.importerNumbers],
    bankName: record.bankName,
    routingNumber: record.routingNumber,
    accountType: record.accountType,
    accountLast4: record.accountLast4,
    accountHolderName: record.accountHolderName,
    updatedAt: record.updatedAt,
  };
  if (record.lastVerifiedAt) summary.lastVerifiedAt = record.lastVerifiedAt;
  if (record.lastVerification) summary.lastVerification = record.lastVerification;
  return summary;
}
