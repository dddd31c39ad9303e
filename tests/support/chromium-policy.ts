/**
 * Chromium's machine policy for one extension, as an IT department sets it on Linux: a JSON file
 * in /etc/chromium/policies/managed/ (Debian's chromium; Google Chrome reads
 * /etc/opt/chrome/policies/managed/) with the extension's settings under
 * "3rdparty" → "extensions" → <extension id>. Chromium hands them to the extension as
 * storage.managed, checked against the manifest's storage.managed_schema.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CHROMIUM_POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';

/**
 * The id Chromium gives an unpacked extension without a manifest `key`: the SHA-256 of its
 * folder's absolute path, first 32 hex digits written with the letters a–p.
 */
export function unpackedExtensionId(folder: string): string {
  const hex = createHash('sha256').update(realpathSync(folder)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/**
 * Writes a policy file naming only `extensionId` (so no other extension or test sees it) and
 * answers the function that removes it. Chromium reads the folder when it starts.
 */
export function writeExtensionPolicy(extensionId: string, settings: Record<string, unknown>): () => void {
  mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
  const file = join(CHROMIUM_POLICY_DIR, `ace-ach-assist-test-${extensionId}.json`);
  writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: settings } } }, null, 2));
  return () => rmSync(file, { force: true });
}
