/**
 * The list view's data: one page of profiles at a time from the background, which searches and
 * pages its own copy (profiles/list with query, offset and limit). Every keystroke asks afresh;
 * the answers may come back out of order, so each request carries a sequence number and only
 * the latest one's answer is shown. "Show more" appends the next page of the same search. The
 * first page may already be on its way when the list appears (`prefetchFirstPage`).
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { FIRST_REQUESTS, PROFILE_PAGE_SIZE } from '@/utils/messaging/first-requests';
import { PROFILE_QUERY_MAX_LENGTH, type ResponseOf } from '@/utils/messaging/protocol';
import { sendRequest, type Transport } from '@/utils/messaging/send-request';
import type { ProfileSummary } from '@/utils/messaging/shapes';
import { errorMessage, type Request } from './popup-services';

/** Rows per page: what a first render can paint at once with thousands of profiles. */
export const PAGE_SIZE = PROFILE_PAGE_SIZE;

export type ProfilePages =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly message: string }
  | {
      readonly state: 'ready';
      /** The search these rows answer (the box may already hold a newer one). */
      readonly query: string;
      readonly profiles: readonly ProfileSummary[];
      /** Profiles matching the query. */
      readonly total: number;
      /** Every saved profile. */
      readonly count: number;
      readonly quarantined: number;
    };

type ListAnswer = ResponseOf<'profiles/list'>;

/**
 * The list's first page, asked together with the vault's status when the popup opens: when the
 * vault is unlocked (the usual case) the list does not wait for the status answer before asking.
 * Sent past the popup's request wrapper on purpose: a locked vault's refusal here means nothing,
 * the status decides what shows.
 */
export function prefetchFirstPage(transport: Transport): Promise<ListAnswer> {
  // As popup-first-requests.js sent it, so that its answer is the one taken.
  const page = sendRequest(transport, 'profiles/list', { ...FIRST_REQUESTS[1].payload });
  page.catch(() => {});
  return page;
}

export interface ProfilePagesControl {
  readonly pages: ProfilePages;
  /** Whether an answer is awaited (for aria-busy). */
  readonly pending: boolean;
  search(query: string): void;
  /** Asks for the next page of the current search; false when there is none or one is coming. */
  showMore(): boolean;
}

/**
 * `takeFirstPage` hands over a prefetched first page, once; if it failed, the page is asked again
 * through `request`, whose failure the popup knows how to show.
 */
export function useProfilePages(
  request: Request,
  reloadKey?: number,
  takeFirstPage?: () => Promise<ListAnswer> | undefined,
): ProfilePagesControl {
  const [pages, setPages] = useState<ProfilePages>({ state: 'loading' });
  const [pending, setPending] = useState(true);
  const latest = useRef(0);
  const current = useRef(pages);
  current.current = pages;
  // Taken at the first render, so a view left before its effects ran does not leave it behind
  // for a later list, which must ask afresh.
  const prefetched = useRef<Promise<ListAnswer> | undefined | null>(null);
  if (prefetched.current === null) prefetched.current = takeFirstPage?.();

  function load(query: string, previous: readonly ProfileSummary[] = [], answered?: Promise<ListAnswer>): void {
    const ticket = ++latest.current;
    setPending(true);
    const ask = () => request('profiles/list', { query: query.slice(0, PROFILE_QUERY_MAX_LENGTH), offset: previous.length, limit: PAGE_SIZE });
    (answered ? answered.catch(ask) : ask()).then(
      ({ profiles, total, count, quarantined }) => {
        if (ticket !== latest.current) return;
        // A profile added elsewhere between two pages shifts the next page: never list one twice.
        const seen = new Set(previous.map((profile) => profile.id));
        const rows = previous.length === 0 ? profiles : previous.concat(profiles.filter((profile) => !seen.has(profile.id)));
        setPending(false);
        setPages({ state: 'ready', query, profiles: rows, total, count, quarantined });
      },
      (error: unknown) => {
        if (ticket !== latest.current) return;
        setPending(false);
        setPages({ state: 'failed', message: errorMessage(error) });
      },
    );
  }

  // A layout effect: an ordinary one waits for the next frame (up to 100 ms in Preact when
  // frames are scarce), and the popup's first rows would wait with it.
  useLayoutEffect(() => {
    const first = prefetched.current ?? undefined;
    prefetched.current = undefined;
    load('', [], first);
    return () => {
      // Unmounted: whatever is still on its way is stale.
      latest.current++;
    };
  }, [reloadKey]);

  return {
    pages,
    pending,
    search: (query) => load(query),
    showMore() {
      const shown = current.current;
      if (pending || shown.state !== 'ready' || shown.profiles.length >= shown.total) return false;
      load(shown.query, shown.profiles);
      return true;
    },
  };
}
