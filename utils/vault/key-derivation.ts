/**
 * Passphrase to key-encryption key: PBKDF2-SHA256 through WebCrypto. The iteration count is
 * OWASP's 2023 figure for PBKDF2-SHA256; tests may pass a smaller one to stay fast, but only
 * under vitest (MODE "test") is anything below the production count accepted. The passphrase is
 * NFC-normalised, so the same words typed on another system (composed or decomposed accents) open
 * the vault, as with the encrypted backups.
 */

export const PBKDF2_ITERATIONS = 600_000;
export const SALT_BYTES = 16;

/** The fewest iterations a vault may use here: the production count except in unit tests. */
export function minimumIterations(): number {
  return import.meta.env.MODE === 'test' ? 1 : PBKDF2_ITERATIONS;
}

export function assertIterations(iterations: number): void {
  if (!Number.isSafeInteger(iterations) || iterations < minimumIterations()) {
    throw new RangeError(`PBKDF2 needs at least ${minimumIterations()} iterations, got ${iterations}.`);
  }
}

export function randomSalt(): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(SALT_BYTES));
}

/** A non-extractable AES-GCM key that can only wrap and unwrap the vault's data key. */
export async function deriveKeyEncryptionKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  assertIterations(iterations);
  return derivePassphraseKey(passphrase, salt, iterations, ['wrapKey', 'unwrapKey']);
}

/**
 * A non-extractable AES-GCM-256 key from a passphrase (PBKDF2-SHA-256, NFC so that the same
 * passphrase typed on another keyboard gives the same key), for `usages` only.
 */
export async function derivePassphraseKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
  usages: KeyUsage[],
): Promise<CryptoKey> {
  const encoded = new TextEncoder().encode(passphrase.normalize('NFC'));
  const material = await crypto.subtle.importKey('raw', encoded, 'PBKDF2', false, ['deriveKey']);
  const algorithm = { name: 'PBKDF2', hash: 'SHA-256', salt, iterations };
  return crypto.subtle.deriveKey(algorithm, material, { name: 'AES-GCM', length: 256 }, false, usages);
}
