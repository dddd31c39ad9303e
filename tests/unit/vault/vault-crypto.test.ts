import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '@/utils/vault/base64';
import {
  createDataKey,
  exportDataKey,
  importDataKey,
  openDataKey,
  sealDataKey,
  WrongPassphraseError,
} from '@/utils/vault/data-key';
import { decryptField, encryptField, FieldDecryptionError } from '@/utils/vault/field-cipher';
import { assertIterations, minimumIterations, PBKDF2_ITERATIONS } from '@/utils/vault/key-derivation';
import { unlockDelayMs, unlockRetryAfterMs } from '@/utils/vault/unlock-throttle';

const ITERATIONS = 1_000;

describe('base64', () => {
  it('round-trips every byte value and large buffers', () => {
    const bytes = new Uint8Array(40_000).map((_, i) => (i * 31) % 256);
    const back = base64ToBytes(bytesToBase64(bytes));
    expect(back.length).toBe(bytes.length);
    expect(back.every((byte, i) => byte === bytes[i])).toBe(true);
    expect(bytesToBase64(new Uint8Array([255, 0, 128]))).toBe('/wCA');
  });
});

describe('data key sealing', () => {
  it('opens with the right passphrase only', async () => {
    const key = await createDataKey();
    const sealed = await sealDataKey(key, 'right passphrase', ITERATIONS);
    expect(base64ToBytes(sealed.salt)).toHaveLength(16);
    expect(base64ToBytes(sealed.wrappedKey.iv)).toHaveLength(12);
    const opened = await openDataKey(sealed, 'right passphrase');
    expect(await exportDataKey(opened)).toBe(await exportDataKey(key));
    await expect(openDataKey(sealed, 'wrong passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(openDataKey({ ...sealed, iterations: ITERATIONS + 1 }, 'right passphrase')).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
  });

  it('treats composed and decomposed accents as the same passphrase', async () => {
    const key = await createDataKey();
    const sealed = await sealDataKey(key, 'caf\u00e9 au lait', ITERATIONS);
    const opened = await openDataKey(sealed, 'cafe\u0301 au lait');
    expect(await exportDataKey(opened)).toBe(await exportDataKey(key));
  });

  it('re-sealing the same key uses a new salt and IV', async () => {
    const key = await createDataKey();
    const a = await sealDataKey(key, 'one passphrase', ITERATIONS);
    const b = await sealDataKey(key, 'one passphrase', ITERATIONS);
    expect(a.salt).not.toBe(b.salt);
    expect(a.wrappedKey.iv).not.toBe(b.wrappedKey.iv);
    expect(a.wrappedKey.data).not.toBe(b.wrappedKey.data);
  });

  it('round-trips through its raw export (the storage.session copy)', async () => {
    const key = await createDataKey();
    const raw = await exportDataKey(key);
    expect(base64ToBytes(raw)).toHaveLength(32);
    const cipher = await encryptField(key, '1234567890', 'ctx');
    expect(await decryptField(await importDataKey(raw), cipher, 'ctx')).toBe('1234567890');
  });
});

describe('field cipher', () => {
  it('decrypts only with the same key and context', async () => {
    const key = await createDataKey();
    const cipher = await encryptField(key, '000123456789', 'profile/a');
    expect(cipher.data).not.toContain('000123456789');
    expect(await decryptField(key, cipher, 'profile/a')).toBe('000123456789');
    await expect(decryptField(key, cipher, 'profile/b')).rejects.toBeInstanceOf(FieldDecryptionError);
    await expect(decryptField(await createDataKey(), cipher, 'profile/a')).rejects.toBeInstanceOf(FieldDecryptionError);
    const tampered = { ...cipher, data: bytesToBase64(base64ToBytes(cipher.data).map((b, i) => (i === 0 ? b ^ 1 : b))) };
    await expect(decryptField(key, tampered, 'profile/a')).rejects.toBeInstanceOf(FieldDecryptionError);
  });

  it('uses a fresh IV every time', async () => {
    const key = await createDataKey();
    const ivs = new Set<string>();
    for (let i = 0; i < 50; i++) ivs.add((await encryptField(key, 'same', 'ctx')).iv);
    expect(ivs.size).toBe(50);
  });
});

describe('iterations', () => {
  it('is 600,000 in production; tests alone may go lower, never below 1', () => {
    expect(PBKDF2_ITERATIONS).toBe(600_000);
    expect(import.meta.env.MODE).toBe('test');
    expect(minimumIterations()).toBe(1);
    expect(() => assertIterations(0)).toThrow(RangeError);
    expect(() => assertIterations(1.5)).toThrow(RangeError);
    expect(() => assertIterations(ITERATIONS)).not.toThrow();
  });
});

describe('unlock throttle', () => {
  it('lets two failures go, then waits 1, 2, 4 ... seconds up to 30', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 20].map(unlockDelayMs)).toEqual([
      0, 0, 0, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('counts the wait from the last failure', () => {
    const failures = { failedAttempts: 4, lastFailedAt: 10_000 };
    expect(unlockRetryAfterMs(undefined, 0)).toBe(0);
    expect(unlockRetryAfterMs(failures, 10_000)).toBe(2_000);
    expect(unlockRetryAfterMs(failures, 11_500)).toBe(500);
    expect(unlockRetryAfterMs(failures, 12_000)).toBe(0);
    // A clock set back does not stretch the wait.
    expect(unlockRetryAfterMs(failures, 0)).toBe(2_000);
  });
});
