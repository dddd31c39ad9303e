/**
 * What profiles/list answers from: the live profiles' summaries in label order with the search
 * index over them, kept in memory and rebuilt only when the profile store's list changes. The
 * popup asks for one page per keystroke and per "Show more", so each request must cost a search
 * and a slice, not a sort, a summary per profile and an index build (hundreds of milliseconds
 * for 10,000 profiles).
 */
import type { ProfileSummary } from '@/utils/messaging/shapes';
import { createProfileSearch, searchPage, type ProfilePage, type ProfileSearch } from '@/utils/profile-search';
import { summarizeProfile } from './profile-record';
import type { ProfileStore } from './profile-store';
import type { StoredProfile } from './stored-records';
import { LISTING_BUILD_MEASURE, recordTiming, timingStart } from './timing';

export interface ProfilePageRequest {
  readonly query?: string;
  readonly offset?: number;
  readonly limit?: number;
}

export interface ProfileListingPage extends ProfilePage<ProfileSummary> {
  readonly quarantined: number;
}

export interface ProfileListing {
  page(request: ProfilePageRequest): Promise<ProfileListingPage>;
  /**
   * Reads the profiles and sorts their summaries ahead of the first request (worker start-up);
   * the index follows once the requests already waiting have been answered.
   */
  warm(): Promise<void>;
}

/** Runs `task` once the current work is done: the index is built after the answer goes out. */
export type Later = (task: () => void) => void;

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function createProfileListing(store: Pick<ProfileStore, 'list'>, later: Later = (task) => setTimeout(task, 0)): ProfileListing {
  let built: { readonly source: readonly StoredProfile[]; readonly search: ProfileSearch<ProfileSummary> } | undefined;

  function searchOver(source: readonly StoredProfile[]): ProfileSearch<ProfileSummary> {
    if (built?.source === source) return built.search;
    const start = timingStart();
    const summaries = source.map(summarizeProfile).sort((a, b) => collator.compare(a.label, b.label));
    const search = createProfileSearch(summaries);
    recordTiming(LISTING_BUILD_MEASURE, start);
    built = { source, search };
    // The first page of an empty query needs no index; the first keystroke will.
    later(() => search.prepare());
    return search;
  }

  return {
    async page({ query = '', offset, limit }) {
      const { profiles, quarantined } = await store.list();
      return { ...searchPage(searchOver(profiles), query, offset, limit), quarantined };
    },

    async warm() {
      searchOver((await store.list()).profiles);
    },
  };
}
