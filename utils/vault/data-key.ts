/**
 * The vault's data key: a random AES-GCM-256 key that encrypts account numbers, stored only
 * wrapped by a key derived from the passphrase. Changing the passphrase re-wraps this same key,
 * so no profile has to be re-encrypted. A wrong passphrase shows up as GCM's failed tag.
 */
import { base64ToBytes, bytesToBase64 } from './base64';
import { deriveKeyEncryptionKey, randomSalt } from './key-derivation';

export const GCM_IV_BYTES = 12;

/** Binds the wrapped key to its purpose, so no other GCM ciphertext unwraps in its place. */
const WRAP_CONTEXT = new TextEncoder().encode('ace-ach-assist/vault-data-key/v1');

export interface Ciphertext {
  /** base64 of the 12-byte IV. */
  readonly iv: string;
  /** base64 of ciphertext + tag. */
  readonly data: string;
}

/** What the vault stores about its key: nothing that opens it without the passphrase. */
export interface SealedDataKey {
  /** base64 PBKDF2 salt. */
  readonly salt: string;
  readonly iterations: number;
  readonly wrappedKey: Ciphertext;
}

export class WrongPassphraseError extends Error {
  constructor() {
    super('The passphrase does not open this key.');
    this.name = 'WrongPassphraseError';
  }
}

export function randomIv(): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(GCM_IV_BYTES));
}

/** Extractable, because the unlocked key is kept in storage.session across worker restarts. */
export function createDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']) as Promise<CryptoKey>;
}

/** Wraps the data key under a fresh salt and IV for this passphrase. */
export async function sealDataKey(dataKey: CryptoKey, passphrase: string, iterations: number): Promise<SealedDataKey> {
  const salt = randomSalt();
  const iv = randomIv();
  const keyEncryptionKey = await deriveKeyEncryptionKey(passphrase, salt, iterations);
  const wrapped = await crypto.subtle.wrapKey('raw', dataKey, keyEncryptionKey, {
    name: 'AES-GCM',
    iv,
    additionalData: WRAP_CONTEXT,
  });
  return {
    salt: bytesToBase64(salt),
    iterations,
    wrappedKey: { iv: bytesToBase64(iv), data: bytesToBase64(new Uint8Array(wrapped)) },
  };
}

/** The data key, or WrongPassphraseError when the passphrase is not the one it was sealed with. */
export async function openDataKey(sealed: SealedDataKey, passphrase: string): Promise<CryptoKey> {
  const keyEncryptionKey = await deriveKeyEncryptionKey(passphrase, base64ToBytes(sealed.salt), sealed.iterations);
  try {
    return await crypto.subtle.unwrapKey(
      'raw',
      base64ToBytes(sealed.wrappedKey.data),
      keyEncryptionKey,
      { name: 'AES-GCM', iv: base64ToBytes(sealed.wrappedKey.iv), additionalData: WRAP_CONTEXT },
      { name: 'AES-GCM', length: 256 },
      true,
      ['encrypt', 'decrypt'],
    );
  } catch (error) {
    // GCM reports a failed tag as OperationError; anything else is a real fault.
    if (error instanceof DOMException && error.name === 'OperationError') throw new WrongPassphraseError();
    throw error;
  }
}

export async function exportDataKey(dataKey: CryptoKey): Promise<string> {
  return bytesToBase64(new Uint8Array(await crypto.subtle.exportKey('raw', dataKey)));
}

export function importDataKey(raw: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', base64ToBytes(raw), { name: 'AES-GCM', length: 256 }, true, [
    'encrypt',
    'decrypt',
  ]);
}
