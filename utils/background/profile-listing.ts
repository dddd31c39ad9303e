/**
 * What profiles/list answers from: the live profiles' summaries in list order with the search
 * index over them, kept in memory and rebuilt only when the profile store's list changes. The
 * popup asks for one page per keystroke and per "Show more", so each request must cost a search
 * and a slice, not a sort, a summary per profile and an index build (hundreds of milliseconds
 * for 10,000 profiles).
 *
 * The popup's first request, the first page of the whole list, does not wait for every profile
 * to be read when the worker has just started: the store keeps that page in a record of its own
 * (profile-list-head.ts), and the rest is read once it has been answered.
 */
import { PROFILE_PAGE_SIZE } from '@/utils/messaging/protocol';
import type { ProfileSummary } from '@/utils/messaging/shapes';
import { compareListOrder } from '@/utils/background/profile-list-order';
import { createProfileSearch, isEmptyQuery, searchPage, type ProfilePage, type ProfileSearch } from '@/utils/background/profile-search';
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
   * Reads the profiles and sorts their summaries ahead of the requests that need them all;
   * the index follows once the requests already waiting have been answered.
   */
  warm(): Promise<void>;
}

/** Runs `task` once the current work is done: the index is built after the answer goes out. */
export type Later = (task: () => void) => void;

/** The first page of the whole list: what the popup asks for as it opens. */
function isFirstPage({ query = '', offset = 0, limit }: ProfilePageRequest): boolean {
  return offset === 0 && limit !== undefined && limit <= PROFILE_PAGE_SIZE && isEmptyQuery(query);
}

export function createProfileListing(
  store: Pick<ProfileStore, 'list' | 'isRead' | 'firstPage'>,
  later: Later = (task) => setTimeout(task, 0),
): ProfileListing {
  let built: { readonly source: readonly StoredProfile[]; readonly search: ProfileSearch<ProfileSummary> } | undefined;

  function searchOver(source: readonly StoredProfile[]): ProfileSearch<ProfileSummary> {
    if (built?.source === source) return built.search;
    const start = timingStart();
    const summaries = source.map(summarizeProfile).sort(compareListOrder);
    const search = createProfileSearch(summaries);
    recordTiming(LISTING_BUILD_MEASURE, start);
    built = { source, search };
    // The first page of an empty query needs no index; the first keystroke will.
    later(() => search.prepare());
    return search;
  }

  async function warm(): Promise<void> {
    searchOver((await store.list()).profiles);
  }

  return {
    async page(request) {
      if (!store.isRead() && isFirstPage(request)) {
        const head = await store.firstPage();
        if (head) {
          // The rest (the next pages, the search) once this answer has gone out.
          later(() => void warm().catch(() => {}));
          const profiles = head.profiles.slice(0, request.limit);
          return { profiles, total: head.count, count: head.count, quarantined: head.quarantined };
        }
      }
      const { query = '', offset, limit } = request;
      const { profiles, quarantined } = await store.list();
      return { ...searchPage(searchOver(profiles), query, offset, limit), quarantined };
    },

    warm,
  };
}
