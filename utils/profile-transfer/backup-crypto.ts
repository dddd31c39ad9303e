/**
 * The encrypted backup: the profiles JSON sealed with AES-256-GCM under a key derived from the
 * backup's own passphrase (PBKDF2-SHA-256, 600,000 iterations by default, random 16-byte salt,
 * random 12-byte IV), in a JSON envelope that says how to open it:
 *
 * { "format": "ace-ach-assist-backup", "version": 1,
 *   "kdf": { "name": "PBKDF2", "hash": "SHA-256", "iterations": 600000, "salt": base64 },
 *   "cipher": { "name": "AES-GCM", "iv": base64 }, "data": base64 }
 *
 * WebCrypto only, so it runs the same in the background worker and in tests. The passphrase is
 * NFC-normalised, so the same words typed on another system open the file.
 */
import { z } from 'zod/mini';
import { bytesToBase64, canonicalBase64ToBytes } from '@/utils/vault/base64';
import { derivePassphraseKey } from '@/utils/vault/key-derivation';

export const BACKUP_FORMAT = 'ace-ach-assist-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_PBKDF2_ITERATIONS = 600_000;
/** A file asking for more would stall the browser for minutes: treated as damaged. */
const MAX_ITERATIONS = 10_000_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const GCM_TAG_BYTES = 16;

/** The passphrase does not open the backup (AES-GCM cannot tell this from a changed file). */
export class BackupPassphraseError extends Error {
  constructor() {
    super('The backup passphrase is wrong, or the file was changed after it was exported.');
    this.name = 'BackupPassphraseError';
  }
}

/** The file is not a readable backup: not the envelope, damaged fields, or a newer version. */
export class BackupFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupFormatError';
  }
}

const envelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number(),
  kdf: z.object({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.number().check(z.int(), z.minimum(1), z.maximum(MAX_ITERATIONS)),
    salt: z.string(),
  }),
  cipher: z.object({ name: z.literal('AES-GCM'), iv: z.string() }),
  data: z.string(),
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** True when the text is an encrypted backup envelope, whatever its state. */
export function isEncryptedBackup(text: string): boolean {
  const start = text.trimStart().replace(/^\ufeff/, '');
  if (!start.startsWith('{')) return false;
  const data = parseJson(start);
  return typeof data === 'object' && data !== null && (data as { format?: unknown }).format === BACKUP_FORMAT;
}

function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  return derivePassphraseKey(passphrase, salt, iterations, ['encrypt', 'decrypt']);
}

export interface EncryptBackupOptions {
  /** Only tests lower this; production uses BACKUP_PBKDF2_ITERATIONS. */
  readonly iterations?: number;
}

export async function encryptBackup(plainJson: string, passphrase: string, options: EncryptBackupOptions = {}): Promise<string> {
  if (passphrase.length === 0) throw new Error('A backup passphrase is required.');
  const iterations = options.iterations ?? BACKUP_PBKDF2_ITERATIONS;
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const key = await deriveKey(passphrase, salt, iterations);
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(plainJson));
  const envelope = {
    format: BACKUP_FORMAT,
    version: BACKUP_FORMAT_VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: bytesToBase64(salt) },
    cipher: { name: 'AES-GCM', iv: bytesToBase64(iv) },
    data: bytesToBase64(new Uint8Array(sealed)),
  };
  return JSON.stringify(envelope, null, 2) + '\n';
}

const DAMAGED = 'This backup file is damaged or incomplete and cannot be opened; use another copy of the backup.';

export async function decryptBackup(text: string, passphrase: string): Promise<string> {
  const data = parseJson(text.replace(/^\ufeff/, ''));
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new BackupFormatError('This is not an encrypted ACE ACH Assist backup.');
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version !== BACKUP_FORMAT_VERSION) {
    throw new BackupFormatError(
      `This backup is version ${version}, but this version of ACE ACH Assist reads only version ` +
        `${BACKUP_FORMAT_VERSION}; update the extension.`,
    );
  }
  const envelope = envelopeSchema.safeParse(data);
  if (!envelope.success) throw new BackupFormatError(DAMAGED);
  const salt = canonicalBase64ToBytes(envelope.data.kdf.salt);
  const iv = canonicalBase64ToBytes(envelope.data.cipher.iv);
  const sealed = canonicalBase64ToBytes(envelope.data.data);
  if (!salt || salt.length === 0 || !iv || iv.length !== IV_BYTES || !sealed || sealed.length < GCM_TAG_BYTES) {
    throw new BackupFormatError(DAMAGED);
  }
  const key = await deriveKey(passphrase, salt, envelope.data.kdf.iterations);
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, sealed);
  } catch {
    throw new BackupPassphraseError();
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    throw new BackupFormatError(DAMAGED);
  }
}
