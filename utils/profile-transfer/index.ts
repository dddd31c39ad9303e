/**
 * Profile import and export, pure (no browser APIs besides WebCrypto): the background's import
 * preview, import commit and exports call these.
 */
export { parseProfileImport, isOverImportLimit, tooLargeReason } from './parse-import';
export { planImport } from './plan-import';
export type { ExistingProfileRef, ImportPlan } from './plan-import';
export { serializeProfilesJson } from './json-export';
export { serializeProfilesCsv } from './csv-export';
export {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_PBKDF2_ITERATIONS,
  BackupFormatError,
  BackupPassphraseError,
  decryptBackup,
  encryptBackup,
  isEncryptedBackup,
} from './backup-crypto';
export { PROFILE_CSV_COLUMNS, PROFILE_CSV_COLUMN_NAMES, REQUIRED_PROFILE_CSV_COLUMNS } from './csv-columns';
export { MAX_IMPORT_BYTES, PROFILE_ID_SHAPE, PROFILES_FORMAT, PROFILES_FORMAT_VERSION } from './types';
export type {
  ExportableProfile,
  ImportCandidate,
  ProfileFileFormat,
  ProfileImportOptions,
  ProfileImportParse,
  RejectedLine,
} from './types';
