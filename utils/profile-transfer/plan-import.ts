/**
 * Decides what an import does with each good profile, before anything is written:
 *
 * 1. A candidate whose `id` is a saved profile's id updates that profile.
 * 2. Otherwise, a candidate whose label equals a saved profile's label (trimmed, ignoring case)
 *    updates that profile.
 * 3. Otherwise it is added as a new profile.
 *
 * Each saved profile is updated by at most one candidate: id matches are settled first, for the
 * whole file, then label matches in file order. A candidate whose only match is already taken
 * is added (e.g. a file that renames profile A to "B" and also holds a new "A").
 *
 * An added candidate keeps the id from its file, so a backup restored into a new vault keeps its
 * ids, unless a saved profile (or an earlier added one) already has that id: then it goes without one and the store gives it a new one.
 */
import { labelKey } from './profile-check';
import type { ImportCandidate } from './types';

export interface ExistingProfileRef {
  readonly id: string;
  readonly label: string;
  readonly importerNumbers: readonly string[];
}

export interface ImportPlan {
  readonly add: ImportCandidate[];
  readonly update: (ImportCandidate & { readonly id: string })[];
}

export function planImport(candidates: readonly ImportCandidate[], existing: readonly ExistingProfileRef[]): ImportPlan {
  const existingIds = new Set(existing.map((profile) => profile.id));
  const idsByLabel = new Map<string, string[]>();
  for (const profile of existing) {
    const key = labelKey(profile.label);
    idsByLabel.set(key, [...(idsByLabel.get(key) ?? []), profile.id]);
  }

  const claimed = new Set<string>();
  const target = new Map<ImportCandidate, string>();
  for (const candidate of candidates) {
    if (candidate.id !== undefined && existingIds.has(candidate.id) && !claimed.has(candidate.id)) {
      claimed.add(candidate.id);
      target.set(candidate, candidate.id);
    }
  }
  for (const candidate of candidates) {
    if (target.has(candidate)) continue;
    const free = idsByLabel.get(labelKey(candidate.profile.label))?.find((id) => !claimed.has(id));
    if (free !== undefined) {
      claimed.add(free);
      target.set(candidate, free);
    }
  }

  const add: ImportCandidate[] = [];
  const update: (ImportCandidate & { id: string })[] = [];
  const takenIds = new Set(existingIds);
  for (const candidate of candidates) {
    const id = target.get(candidate);
    if (id !== undefined) update.push({ ...candidate, id });
    else if (candidate.id === undefined) add.push(candidate);
    else if (takenIds.has(candidate.id)) add.push({ line: candidate.line, profile: candidate.profile });
    else {
      takenIds.add(candidate.id);
      add.push(candidate);
    }
  }
  return { add, update };
}
