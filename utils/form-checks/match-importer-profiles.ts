/**
 * Picks the saved profiles for the importer the page shows. ACE enrols bank details per EIN
 * suffix, so a profile for 12-345678900 is not the one for 12-345678901: such "base only"
 * matches are offered with a warning, never picked silently.
 */
import { compareImporterNumbers } from '@/utils/bank/importer-number';

export interface ProfileIdentity {
  readonly id: string;
  readonly label: string;
  readonly importerNumbers: readonly string[];
}

export interface ImporterMatch {
  readonly id: string;
  readonly label: string;
  readonly importerNumber: string;
}

export type ImporterMatchResult =
  | { readonly status: 'one'; readonly matches: readonly [ImporterMatch]; readonly baseOnly: readonly ImporterMatch[] }
  | { readonly status: 'several'; readonly matches: readonly ImporterMatch[]; readonly baseOnly: readonly ImporterMatch[] }
  | { readonly status: 'base-only'; readonly matches: readonly []; readonly baseOnly: readonly ImporterMatch[] }
  | { readonly status: 'none'; readonly matches: readonly []; readonly baseOnly: readonly [] };

export function matchImporterProfiles(
  pageNumbers: readonly string[],
  profiles: readonly ProfileIdentity[],
): ImporterMatchResult {
  const matches: ImporterMatch[] = [];
  const baseOnly: ImporterMatch[] = [];
  for (const profile of profiles) {
    let best: { comparison: 'same' | 'same-base-other-suffix'; number: string } | undefined;
    for (const pageNumber of pageNumbers) {
      for (const number of profile.importerNumbers) {
        const comparison = compareImporterNumbers(pageNumber, number);
        if (comparison === 'same') best = { comparison, number };
        else if (comparison === 'same-base-other-suffix' && !best) best = { comparison, number };
      }
    }
    if (!best) continue;
    const match = { id: profile.id, label: profile.label, importerNumber: best.number };
    (best.comparison === 'same' ? matches : baseOnly).push(match);
  }
  if (matches.length === 1) return { status: 'one', matches: [matches[0]!], baseOnly };
  if (matches.length > 1) return { status: 'several', matches, baseOnly };
  if (baseOnly.length > 0) return { status: 'base-only', matches: [], baseOnly };
  return { status: 'none', matches: [], baseOnly: [] };
}
