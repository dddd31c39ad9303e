/**
 * Reads the app's own profiles file:
 * `{ "format": "ace-ach-assist-profiles", "version": 1, "exportedAt": ISO, "profiles": [ { "id"?, ...BankProfile } ] }`.
 * The envelope must be right or the whole file is refused; each entry is then checked on its own,
 * so one bad profile never costs the others.
 */
import { makeProblem } from '@/utils/bank/problems';
import { checkImportedProfile, DuplicateGuard, withDefaultTimestamps } from './profile-check';
import { profileEntryLines } from './json-entry-lines';
import { BACKUP_FORMAT } from './backup-crypto';
import { PROFILES_FORMAT, PROFILES_FORMAT_VERSION } from './types';
import { importRows, runToEnd, type ProfileImportRun } from './import-run';
import type { ProfileImportParse } from './types';
import { valueInWords } from '@/utils/bank/value-words';

const NOT_A_PROFILE = makeProblem('profile.not-object').message;
const BAD_ID = 'Profile id: must be text that is not empty.';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function envelopeProblem(data: unknown): string | undefined {
  if (!isRecord(data) || data.format === undefined) {
    return `This is not an ACE ACH Assist profiles file: it has no "format": "${PROFILES_FORMAT}" marker. ` +
      'Choose a file exported by ACE ACH Assist, or a CSV file.';
  }
  if (data.format === BACKUP_FORMAT) {
    return 'This is an encrypted ACE ACH Assist backup; it can only be read with its backup passphrase.';
  }
  if (data.format !== PROFILES_FORMAT) {
    return `This is not an ACE ACH Assist profiles file: its format is ${typeof data.format === 'object' && data.format !== null ? valueInWords(data.format) : `"${String(data.format)}"`}, ` +
      `not "${PROFILES_FORMAT}".`;
  }
  if (data.version === undefined) return 'The file does not say which version of the profiles format it uses ("version").';
  if (data.version !== PROFILES_FORMAT_VERSION) {
    return `This profiles file is version ${JSON.stringify(data.version)}, but this version of ACE ACH Assist ` +
      `reads only version ${PROFILES_FORMAT_VERSION}; update the extension.`;
  }
  if (!Array.isArray(data.profiles)) return 'The file has no "profiles" list.';
  if (data.profiles.length === 0) return 'The file holds no profiles.';
  return undefined;
}

/** The envelope checked as a whole; its entries then one batch at a time. */
export function startProfilesJson(text: string, now: string): ProfileImportRun {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    return { ok: false, reason: `This file is not valid JSON${detail}. Choose a profiles file exported by ACE ACH Assist.` };
  }
  const problem = envelopeProblem(data);
  if (problem) return { ok: false, reason: problem };
  const entries = (data as { profiles: unknown[] }).profiles;
  const lines = profileEntryLines(text);
  const duplicates = new DuplicateGuard();

  return {
    ok: true,
    rows: importRows(entries.length, (index, { candidates, rejected }) => {
      const entry = entries[index];
      const line = lines[index] ?? 1;
      if (!isRecord(entry)) {
        rejected.push({ line, reasons: [NOT_A_PROFILE] });
        return;
      }
      const { id, ...fields } = entry;
      const checked = checkImportedProfile(withDefaultTimestamps(fields, now));
      const badId = id !== undefined && (typeof id !== 'string' || id.trim().length === 0);
      if (!checked.ok || badId) {
        const reasons = checked.ok ? [] : checked.reasons;
        rejected.push({ line, reasons: badId ? [BAD_ID, ...reasons] : reasons });
        return;
      }
      const trimmedId = typeof id === 'string' ? id.trim() : undefined;
      const duplicate = duplicates.check(line, trimmedId, checked.profile.label);
      if (duplicate) {
        rejected.push({ line, reasons: [duplicate] });
        return;
      }
      candidates.push(trimmedId === undefined ? { line, profile: checked.profile } : { line, id: trimmedId, profile: checked.profile });
    }),
  };
}

export function parseProfilesJson(text: string, now: string): ProfileImportParse {
  return runToEnd(startProfilesJson(text, now));
}
