/**
 * The rows of the profile picker: the profiles of the page's importer first (the same number,
 * then the same EIN under another suffix, flagged), then the others, searched and paged like the
 * popup's list. The picker types to filter, so a user with thousands of profiles sees the first
 * rows and narrows down; the importer's own profiles stay on top of whatever matches.
 */
import { matchImporterProfiles } from '@/utils/form-checks/match-importer-profiles';
import type { PickerRow } from '@/utils/messaging/protocol';
import type { ProfileSummary } from '@/utils/messaging/shapes';
import type { ProfileListing } from './profile-listing';
import { summarizeProfile } from './profile-record';
import type { StoredProfile } from './stored-records';

/** Rows the picker shows past the importer's own. */
export const PICKER_PAGE_ROWS = 50;

type ForImporter = NonNullable<PickerRow['forImporter']>;

function rowOf(summary: ProfileSummary, forImporter?: { kind: ForImporter; number: string }): PickerRow {
  return {
    id: summary.id,
    label: summary.label,
    importerName: summary.importerName,
    importerNumber: forImporter?.number ?? summary.importerNumbers[0] ?? '',
    bankName: summary.bankName,
    accountLast4: summary.accountLast4,
    accountType: summary.accountType,
    ...(forImporter ? { forImporter: forImporter.kind } : {}),
  };
}

export async function pickerRows(
  importerNumbers: readonly string[],
  live: readonly StoredProfile[],
  listing: Pick<ProfileListing, 'page'>,
  query = '',
): Promise<{ rows: PickerRow[]; total: number }> {
  const forImporter = new Map<string, { kind: ForImporter; number: string }>();
  if (importerNumbers.length > 0) {
    const match = matchImporterProfiles(importerNumbers, live);
    for (const found of match.matches) forImporter.set(found.id, { kind: 'same', number: found.importerNumber });
    for (const found of match.baseOnly) forImporter.set(found.id, { kind: 'other-suffix', number: found.importerNumber });
  }
  const trimmed = query.trim();
  const rank = (row: PickerRow) => (row.forImporter === 'same' ? 0 : row.forImporter === 'other-suffix' ? 1 : 2);
  if (trimmed !== '') {
    // Every match (the search answers them all at no extra cost): the importer's own profiles
    // stay on top even when the search ranks them past the first page.
    const page = await listing.page({ query: trimmed });
    const mine = page.profiles.filter((summary) => forImporter.has(summary.id));
    const others = page.profiles.filter((summary) => !forImporter.has(summary.id)).slice(0, PICKER_PAGE_ROWS);
    const rows = [...mine, ...others].map((summary) => rowOf(summary, forImporter.get(summary.id)));
    // Stable: the search's own order within each group.
    return { rows: rows.sort((a, b) => rank(a) - rank(b)), total: page.total };
  }
  const byId = new Map(live.map((record) => [record.id, record]));
  const first: PickerRow[] = [];
  for (const [id, found] of forImporter) {
    const record = byId.get(id);
    if (record) first.push(rowOf(summarizeProfile(record), found));
  }
  first.sort((a, b) => rank(a) - rank(b) || a.label.localeCompare(b.label, 'en', { sensitivity: 'base', numeric: true }));
  const page = await listing.page({ limit: PICKER_PAGE_ROWS + first.length });
  const rest = page.profiles.filter((summary) => !forImporter.has(summary.id)).slice(0, PICKER_PAGE_ROWS);
  return { rows: [...first, ...rest.map((summary) => rowOf(summary))], total: page.total };
}
