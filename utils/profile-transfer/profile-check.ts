/**
 * Checks one imported profile with the bank core's parseBankProfile and words each problem the
 * way the import preview lists it: "Routing number: <the bank core's message>". Also keeps the
 * first of two rows that name the same profile, so one file cannot import it twice.
 */
import { PROFILE_FIELD_LABELS, profileFieldLabel } from '@/utils/bank/field-labels';
import { parseBankProfile } from '@/utils/bank/profile-schema';
import type { BankProfile, ProfileProblem } from '@/utils/bank/profile-schema';

export type ProfileCheck = { readonly ok: true; readonly profile: BankProfile } | { readonly ok: false; readonly reasons: string[] };

/** Missing timestamps get the import time; anything present is checked as it is. */
export function withDefaultTimestamps(input: Record<string, unknown>, now: string): Record<string, unknown> {
  return {
    ...input,
    createdAt: input.createdAt === undefined ? now : input.createdAt,
    updatedAt: input.updatedAt === undefined ? now : input.updatedAt,
  };
}

export function checkImportedProfile(input: Record<string, unknown>): ProfileCheck {
  const parsed = parseBankProfile(input);
  if (parsed.ok) return { ok: true, profile: parsed.profile };
  const importerCount = Array.isArray(input.importerNumbers) ? input.importerNumbers.length : 0;
  return { ok: false, reasons: problemReasons(parsed.problems, importerCount) };
}

function fieldName(path: string, importerCount: number): string | undefined {
  if (path === '') return undefined;
  const parts = path.split('.');
  const key = parts.filter((part) => !/^\d+$/.test(part)).join('.');
  const label = profileFieldLabel(key);
  // With several importer numbers, say which one.
  if (key === 'importerNumbers' && parts.length > 1 && importerCount > 1) return `${label} ${Number(parts[1]) + 1}`;
  return label;
}

/** Problems about the profile as a whole, whose words need no field name in front. */
const WHOLE_PROFILE_CODES: ReadonlySet<string> = new Set(['profile.not-object', 'profile.schema-version']);

/** Each problem once, prefixed by its field unless the bank core's words already name it. */
export function problemReasons(problems: readonly ProfileProblem[], importerCount = 0): string[] {
  const reasons = new Set<string>();
  for (const problem of problems) {
    if (problem.severity !== 'error') continue;
    const field = WHOLE_PROFILE_CODES.has(problem.code) ? undefined : fieldName(problem.path, importerCount);
    reasons.add(field === undefined || problem.message.startsWith(`${field}:`) ? problem.message : `${field}: ${problem.message}`);
  }
  return [...reasons];
}

/** How labels are compared, here and in planImport: trimmed, case and Unicode form ignored. */
export function labelKey(label: string): string {
  return label.trim().normalize('NFC').toLowerCase();
}

/** Remembers the profiles accepted so far so a later row with the same id or label is refused. */
export class DuplicateGuard {
  private readonly lineById = new Map<string, number>();
  private readonly lineByLabel = new Map<string, number>();

  /** A reason when the row repeats an earlier accepted one; otherwise records it. */
  check(line: number, id: string | undefined, label: string): string | undefined {
    const sameId = id === undefined ? undefined : this.lineById.get(id);
    if (sameId !== undefined) return `Same id as the profile on line ${sameId}; only the first is imported.`;
    const key = labelKey(label);
    const sameLabel = this.lineByLabel.get(key);
    if (sameLabel !== undefined) {
      return `${PROFILE_FIELD_LABELS.label}: the profile on line ${sameLabel} has the same label; only the first is imported.`;
    }
    if (id !== undefined) this.lineById.set(id, line);
    this.lineByLabel.set(key, line);
    return undefined;
  }
}
