/**
 * The profile search behind the popup's list: label, importer name, importer number (typed with
 * or without its hyphens), bank name and the last digits of the account. The background runs it
 * over its in-memory summaries and answers one page at a time (`searchPage`), so the popup never
 * receives thousands of profiles. The list is folded once into an index (lowercase, accents
 * dropped, importer numbers also without punctuation) so that each keystroke is plain substring
 * tests: well under a millisecond per thousand profiles. The answers to recent queries are kept:
 * a query that extends one of them searches only its matches, and backspacing or "Show more"
 * finds its answer ready. Profiles come out in label order (checked, and sorted only when they
 * are not already).
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

function foldedQuery(query: string): string {
  return foldForSearch(query).trim().replace(/\s+/g, ' ');
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

/** Whether a query searches nothing, so that it answers every profile (blank, or only punctuation). */
export function isEmptyQuery(query: string): boolean {
  return tokensOf(foldedQuery(query)).length === 0;
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

/** Recent queries whose answers are kept (a few typed words, typed and erased). */
const RECENT_QUERIES = 32;

interface Answer<T> {
  readonly matches: readonly IndexedProfile<T>[];
  readonly profiles: readonly T[];
}

/**
 * The index is built on the first search (or by `prepare`, e.g. once the list has painted), so
 * showing the list does not wait for it.
 */
export function createProfileSearch<T extends SearchableProfile>(profiles: readonly T[]): ProfileSearch<T> {
  const all = sortedByLabel(profiles);
  let entries: readonly IndexedProfile<T>[] | undefined;
  /** By folded query, oldest first. */
  const recent = new Map<string, Answer<T>>();

  function remember(folded: string, answer: Answer<T>): void {
    recent.delete(folded);
    recent.set(folded, answer);
    if (recent.size > RECENT_QUERIES) recent.delete(recent.keys().next().value!);
  }

  /** Every profile matching "acme ba" also matches "acme b": the longest such query's matches. */
  function narrowest(folded: string): readonly IndexedProfile<T>[] {
    let best: string | undefined;
    for (const query of recent.keys()) {
      if (folded.startsWith(query) && (best === undefined || query.length > best.length)) best = query;
    }
    return best === undefined ? prepare() : recent.get(best)!.matches;
  }

  function prepare(): readonly IndexedProfile<T>[] {
    entries ??= all.map(indexEntry);
    return entries;
  }

  function search(query: string): readonly T[] {
    const folded = foldedQuery(query);
    const tokens = tokensOf(folded);
    if (tokens.length === 0) return all;
    const known = recent.get(folded);
    if (known) {
      remember(folded, known);
      return known.profiles;
    }
    const found = narrowest(folded).filter((entry) => matches(entry, tokens));
    const first: T[] = [];
    const rest: T[] = [];
    for (const entry of found) (entry.label.startsWith(folded) ? first : rest).push(entry.profile);
    const answer = { matches: found, profiles: first.length === 0 ? rest : first.concat(rest) };
    remember(folded, answer);
    return answer.profiles;
  }

  return {
    all,
    search,
    prepare: () => {
      prepare();
    },
  };
}

/** One page of a search's matches, as the profiles/list request answers it. */
export interface ProfilePage<T> {
  readonly profiles: readonly T[];
  /** Profiles matching the query (all of them for an empty query). */
  readonly total: number;
  /** Every profile searched. */
  readonly count: number;
}

/** The matches of `query` from `offset`, at most `limit` of them (all without a limit). */
export function searchPage<T extends SearchableProfile>(
  search: ProfileSearch<T>,
  query: string,
  offset = 0,
  limit = Number.POSITIVE_INFINITY,
): ProfilePage<T> {
  const found = search.search(query);
  const profiles = offset === 0 && limit >= found.length ? found : found.slice(offset, offset + limit);
  return { profiles, total: found.length, count: search.all.length };
}
