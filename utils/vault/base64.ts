/**
 * Bytes to base64 text and back, for ciphertexts, IVs, salts, the session copy of the data key
 * and the encrypted backup's binary fields: every one of them is stored, messaged or exported as
 * JSON-safe text.
 */

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunked so a large ciphertext does not overflow String.fromCharCode's argument list.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Throws on text that is not base64, so damaged records fail loudly instead of decrypting junk. */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The bytes, or undefined when the text is not canonical base64 (a backup file is outside input). */
export function canonicalBase64ToBytes(text: string): Uint8Array<ArrayBuffer> | undefined {
  return BASE64.test(text) ? base64ToBytes(text) : undefined;
}
