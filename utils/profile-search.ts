/**
 * The popup's profile search: label, importer name, importer number (typed with or without its
 * hyphens), bank name and the last digits of the account. The list is folded once into an
 * index (lowercase, accents dropped, importer numbers also without punctuation) so that each
 * keystroke is plain substring tests: well under a millisecond per thousand profiles. A query
 * that extends the previous one searches only the previous matches. Profiles come out in label
 * order (the background's own order, checked rather than re-sorted).
 */

/** What search reads from a profile: the list's summary has all of it, never the full account. */
export interface SearchableProfile {
  readonly label: string;
  readonly importerName: string;
  readonly importerNumbers: readonly string[];
  readonly bankName: string;
  readonly accountLast4: string;
}

interface IndexedProfile<T> {
  readonly profile: T;
  readonly label: string;
  /** Label, importer name, bank name and importer numbers, folded, one per line. */
  readonly text: string;
  /** Importer numbers and the account's last digits with only letters and digits left. */
  readonly compact: string;
}

export interface ProfileSearch<T> {
  /** Every profile, sorted by label. */
  readonly all: readonly T[];
  /** Matches in label order, those whose label starts with the query first. Empty query: all. */
  search(query: string): readonly T[];
  /** Builds the index now rather than on the first keystroke. */
  prepare(): void;
}

/** Lowercase without accents, so "Société" is found by "societe". */
export function foldForSearch(text: string): string {
  // Most labels and names are plain ASCII: skip the costly normalisation for them.
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

function compactForSearch(text: string): string {
  return foldForSearch(text).replace(/[^a-z0-9]+/g, '');
}

interface QueryToken {
  readonly text: string;
  /** The token with only letters and digits: "12-3456" finds 123456… among importer numbers. */
  readonly compact: string;
}

function tokensOf(folded: string): QueryToken[] {
  // Tokens with nothing but punctuation or bullets ("••••") say nothing about a profile.
  return folded
    .split(' ')
    .filter((token) => /[\p{L}\p{N}]/u.test(token))
    .map((text) => ({ text, compact: text.replace(/[^a-z0-9]+/g, '') }));
}

function matches(entry: IndexedProfile<unknown>, tokens: readonly QueryToken[]): boolean {
  for (const token of tokens) {
    if (entry.text.includes(token.text)) continue;
    if (token.compact.length > 0 && entry.compact.includes(token.compact)) continue;
    return false;
  }
  return true;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function byLabel(a: SearchableProfile, b: SearchableProfile): number {
  return collator.compare(a.label, b.label);
}

/** The background already sends the list by label; checking is far cheaper than sorting again. */
function sortedByLabel<T extends SearchableProfile>(profiles: readonly T[]): readonly T[] {
  for (let i = 1; i < profiles.length; i++) {
    if (byLabel(profiles[i - 1]!, profiles[i]!) > 0) return [...profiles].sort(byLabel);
  }
  return profiles;
}

function indexEntry<T extends SearchableProfile>(profile: T): IndexedProfile<T> {
  return {
    profile,
    label: foldForSearch(profile.label),
    text: foldForSearch([profile.label, profile.importerName, profile.bankName, ...profile.importerNumbers].join('\n')),
    compact: [...profile.importerNumbers.map(compactForSearch), profile.accountLast4.replace(/[^0-9]/g, '')].join('\n'),
  };
}

/**
 * The index is built on the first search (or by `prepare`, e.g. once the list has painted), so
 * showing the list does not wait for it.
 */
export function createProfileSearch<T extends SearchableProfile>(profiles: readonly T[]): ProfileSearch<T> {
  const all = sortedByLabel(profiles);
  let entries: readonly IndexedProfile<T>[] | undefined;
  let previousQuery = '';
  let previousMatches: readonly IndexedProfile<T>[] = [];

  function prepare(): readonly IndexedProfile<T>[] {
    entries ??= all.map(indexEntry);
    return entries;
  }

  function search(query: string): readonly T[] {
    const folded = foldForSearch(query).trim().replace(/\s+/g, ' ');
    const tokens = tokensOf(folded);
    if (tokens.length === 0) {
      previousQuery = '';
      return all;
    }
    // Every profile matching "acme ba" also matches "acme b": narrow instead of rescanning.
    const pool = previousQuery !== '' && folded.startsWith(previousQuery) ? previousMatches : prepare();
    const found = pool.filter((entry) => matches(entry, tokens));
    previousQuery = folded;
    previousMatches = found;
    const first: T[] = [];
    const rest: T[] = [];
    for (const entry of found) (entry.label.startsWith(folded) ? first : rest).push(entry.profile);
    return first.length === 0 ? rest : first.concat(rest);
  }

  return {
    all,
    search,
    prepare: () => {
      prepare();
    },
  };
}
