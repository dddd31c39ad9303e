/**
 * Encrypts one secret field (an account number) with the data key: AES-GCM with a fresh random
 * IV on every write. The context (e.g. the profile's id) is authenticated as additional data,
 * so a ciphertext copied onto another record no longer decrypts there.
 */
import { base64ToBytes, bytesToBase64 } from './base64';
import { randomIv, type Ciphertext } from './data-key';

const encoder = new TextEncoder();

export class FieldDecryptionError extends Error {
  constructor() {
    super('This value cannot be decrypted with the vault key.');
    this.name = 'FieldDecryptionError';
  }
}

export async function encryptField(dataKey: CryptoKey, plain: string, context: string): Promise<Ciphertext> {
  const iv = randomIv();
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(context) },
    dataKey,
    encoder.encode(plain),
  );
  return { iv: bytesToBase64(iv), data: bytesToBase64(new Uint8Array(data)) };
}

export async function decryptField(dataKey: CryptoKey, cipher: Ciphertext, context: string): Promise<string> {
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: base64ToBytes(cipher.iv), additionalData: encoder.encode(context) },
      dataKey,
      base64ToBytes(cipher.data),
    );
    return new TextDecoder().decode(plain);
  } catch {
    throw new FieldDecryptionError();
  }
}
