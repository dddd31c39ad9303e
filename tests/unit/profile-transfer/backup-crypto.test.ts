import { describe, expect, it } from 'vitest';
import {
  BACKUP_PBKDF2_ITERATIONS,
  BackupFormatError,
  BackupPassphraseError,
  decryptBackup,
  encryptBackup,
  isEncryptedBackup,
} from '@/utils/profile-transfer/backup-crypto';

// Production strength is checked once below; the other tests use few iterations to stay quick.
const FAST = { iterations: 1_000 };
const PLAIN = JSON.stringify({ format: 'ace-ach-assist-profiles', version: 1, profiles: [{ accountNumber: '000123456789' }] });

describe('encrypted backup', () => {
  it('opens with its passphrase and hides the content', async () => {
    const sealed = await encryptBackup(PLAIN, 'correct horse battery staple', FAST);
    expect(sealed).not.toContain('000123456789');
    expect(isEncryptedBackup(sealed)).toBe(true);
    expect(await decryptBackup(sealed, 'correct horse battery staple')).toBe(PLAIN);
  });

  it('writes the documented envelope with production iterations by default', async () => {
    expect(BACKUP_PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const envelope = JSON.parse(await encryptBackup('{}', 'pass'));
    expect(envelope).toEqual({
      format: 'ace-ach-assist-backup',
      version: 1,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000, salt: expect.stringMatching(/^[A-Za-z0-9+/]{22}==$/) },
      cipher: { name: 'AES-GCM', iv: expect.stringMatching(/^[A-Za-z0-9+/]{16}$/) },
      data: expect.any(String),
    });
  });

  it('uses a fresh salt and IV every time', async () => {
    const [a, b] = [JSON.parse(await encryptBackup(PLAIN, 'p', FAST)), JSON.parse(await encryptBackup(PLAIN, 'p', FAST))];
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.cipher.iv).not.toBe(b.cipher.iv);
    expect(a.data).not.toBe(b.data);
  });

  it('throws BackupPassphraseError for a wrong passphrase', async () => {
    const sealed = await encryptBackup(PLAIN, 'right', FAST);
    const attempt = decryptBackup(sealed, 'wrong');
    await expect(attempt).rejects.toBeInstanceOf(BackupPassphraseError);
    await expect(decryptBackup(sealed, 'wrong')).rejects.toThrow(/backup passphrase is wrong/);
  });

  it('opens with the same words typed in another Unicode form', async () => {
    const sealed = await encryptBackup(PLAIN, 'caf\u00e9', FAST);
    expect(await decryptBackup(sealed, 'cafe\u0301')).toBe(PLAIN);
  });

  it('says clearly when the file is damaged, not a backup, or from a newer version', async () => {
    const sealed = JSON.parse(await encryptBackup(PLAIN, 'p', FAST));
    const damaged = async (change: (envelope: Record<string, unknown>) => void) => {
      const copy = structuredClone(sealed);
      change(copy);
      return decryptBackup(JSON.stringify(copy), 'p');
    };
    await expect(damaged((e) => ((e.cipher as { iv: string }).iv = 'not base64!'))).rejects.toThrow(/damaged or incomplete/);
    await expect(damaged((e) => (e.data = (e.data as string).slice(0, 8)))).rejects.toBeInstanceOf(BackupFormatError);
    await expect(damaged((e) => delete e.kdf)).rejects.toBeInstanceOf(BackupFormatError);
    await expect(damaged((e) => ((e.kdf as { iterations: number }).iterations = 1e12))).rejects.toBeInstanceOf(BackupFormatError);
    await expect(damaged((e) => (e.version = 2))).rejects.toThrow(/version 2.*update the extension/);
    await expect(decryptBackup(PLAIN, 'p')).rejects.toThrow('This is not an encrypted ACE ACH Assist backup.');
    await expect(decryptBackup('{"format":', 'p')).rejects.toBeInstanceOf(BackupFormatError);
  });

  it('treats a changed ciphertext as not opening (GCM cannot tell it from a wrong passphrase)', async () => {
    const sealed = JSON.parse(await encryptBackup(PLAIN, 'p', FAST));
    const bytes = Uint8Array.from(atob(sealed.data), (c) => c.charCodeAt(0));
    bytes[0]! ^= 1;
    sealed.data = btoa(String.fromCharCode(...bytes));
    await expect(decryptBackup(JSON.stringify(sealed), 'p')).rejects.toBeInstanceOf(BackupPassphraseError);
  });

  it('tells backups from other files', () => {
    expect(isEncryptedBackup(PLAIN)).toBe(false);
    expect(isEncryptedBackup('label,importer_name')).toBe(false);
    expect(isEncryptedBackup('{broken')).toBe(false);
    expect(isEncryptedBackup('\ufeff {"format":"ace-ach-assist-backup"}')).toBe(true);
  });
});
