/**
 * The unlocked popup: saved profiles with search, 50 at a time with "Show more", plus Add
 * profile, Lock, Options, "Fill this page", the link to the enrollment status page and the way
 * to import/export (which lives on the options page, since a file picker would close the popup).
 * The background searches and pages (use-profile-pages), so the popup renders and receives only
 * the rows it shows, however many profiles there are.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { PROFILE_QUERY_MAX_LENGTH, type ResponseOf } from '@/utils/messaging/protocol';
import type { ProfileSummary, VaultStatus } from '@/utils/messaging/shapes';
import { FillPageButton } from './FillPageButton';
import { profileEditorView } from './lazy-views';
import { ProfileRow } from './ProfileRow';
import { useFirstPaintRowLimit } from './use-first-paint-rows';
import { errorMessage, useRequest, useServices } from './popup-services';
import { PAGE_SIZE, useProfilePages } from './use-profile-pages';
import { useReveal } from './use-reveal';

/** Where focus goes when the list appears: the search box, the heading, or a profile's row. */
export type ListFocus = 'search' | 'heading' | { readonly id: string };

interface ProfileListViewProps {
  readonly focus: ListFocus;
  /** Changes when the list must be fetched again (after an undo). */
  readonly reloadKey?: number;
  /** The first page, if the popup asked for it already (see prefetchFirstPage). */
  readonly takeFirstPage?: () => Promise<ResponseOf<'profiles/list'>> | undefined;
  readonly onOpen: (id: string) => void;
  readonly onAdd: () => void;
  readonly onLocked: (status: VaultStatus) => void;
}

const numberFormat = new Intl.NumberFormat('en-US');

function countText(shown: number, matching: number, total: number, query: string): string {
  if (total === 0) return 'No bank profiles yet. Add one to get started.';
  const all = `${numberFormat.format(total)} ${total === 1 ? 'profile' : 'profiles'}`;
  if (query.trim() === '') return shown < total ? `${all}; showing the first ${numberFormat.format(shown)}.` : `${all}.`;
  if (matching === 0) return `No profile matches “${query.trim()}”.`;
  const found = `${numberFormat.format(matching)} of ${all} ${matching === 1 ? 'matches' : 'match'}`;
  return shown < matching ? `${found}; showing the first ${numberFormat.format(shown)}.` : `${found}.`;
}

function quarantineText(count: number): string {
  return count === 1
    ? '1 saved record could not be read and was set aside; see Options.'
    : `${numberFormat.format(count)} saved records could not be read and were set aside; see Options.`;
}

export function ProfileListView({ focus, reloadKey, takeFirstPage, onOpen, onAdd, onLocked }: ProfileListViewProps) {
  const request = useRequest();
  const { openOptions, openStatus } = useServices();
  const { pages, pending, search, showMore } = useProfilePages(request, reloadKey, takeFirstPage);
  const [query, setQuery] = useState('');
  const [lockError, setLockError] = useState<string | undefined>();
  const reveal = useReveal();
  const heading = useRef<HTMLHeadingElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const focusAfterMore = useRef<number | undefined>(undefined);
  // Stable callbacks for the rows, calling whatever the latest render was given.
  const latest = useRef({ onOpen, toggle: reveal.toggle });
  latest.current = { onOpen, toggle: reveal.toggle };
  const openRow = useMemo(() => (id: string) => latest.current.onOpen(id), []);
  const toggleReveal = useMemo(() => (profile: ProfileSummary) => void latest.current.toggle(profile), []);

  const visible = pages.state === 'ready' ? pages.profiles : [];
  const rowLimit = useFirstPaintRowLimit(pages.state === 'ready');
  // Once the list has painted: the editor's code, so that opening a profile does not wait for it.
  useEffect(() => {
    if (rowLimit === Number.POSITIVE_INFINITY) profileEditorView.preload().catch(() => {});
  }, [rowLimit]);

  // Focus once: on the heading at once, on the search box or a row when the list is there.
  const focused = useRef(false);
  useLayoutEffect(() => {
    if (focused.current) return;
    if (focus === 'heading') {
      heading.current?.focus();
      focused.current = true;
      return;
    }
    if (pages.state === 'loading') return;
    if (focus === 'search') {
      focused.current = true;
      (searchBox.current ?? heading.current)?.focus();
      return;
    }
    const rows = Array.from(list.current?.querySelectorAll<HTMLElement>('[data-profile-id]') ?? []);
    const row = rows.find((element) => element.dataset.profileId === focus.id);
    // Not among the rows painted first: maybe among those that follow.
    if (!row && visible.length > rowLimit) return;
    focused.current = true;
    (row ?? heading.current)?.focus();
  }, [pages, rowLimit]);

  // After "Show more": focus the first new row once it is there.
  useLayoutEffect(() => {
    const index = focusAfterMore.current;
    if (index === undefined || pending) return;
    focusAfterMore.current = undefined;
    list.current?.querySelectorAll<HTMLElement>('.profile-open')[index]?.focus();
  }, [pages, pending]);

  async function lock() {
    setLockError(undefined);
    try {
      onLocked(await request('vault/lock', {}));
    } catch (error) {
      setLockError(errorMessage(error));
    }
  }

  function onShowMore() {
    const shown = visible.length;
    if (showMore()) focusAfterMore.current = shown;
  }

  const remaining = pages.state === 'ready' ? pages.total - visible.length : 0;

  // Keyed by position: a keystroke's new page refills the same 50 rows in place instead of
  // building 50 new ones, and the rows are not rendered again while only the search box or the
  // busy state changes.
  const rows = useMemo(
    () =>
      visible.slice(0, rowLimit).map((profile, index) => (
        <ProfileRow
          key={index}
          profile={profile}
          revealedNumber={reveal.revealed?.id === profile.id ? reveal.revealed.accountNumber : undefined}
          revealPending={reveal.pendingId === profile.id}
          onOpen={openRow}
          onToggleReveal={toggleReveal}
        />
      )),
    [visible, rowLimit, reveal.revealed, reveal.pendingId],
  );

  return (
    <section class="view view-list" aria-labelledby="list-heading">
      <header class="list-header">
        <h1 id="list-heading" ref={heading} tabIndex={-1}>
          Bank profiles
        </h1>
        <div class="toolbar">
          <button type="button" class="primary" onClick={onAdd}>
            Add profile
          </button>
          <button type="button" onClick={lock}>
            Lock
          </button>
          <button type="button" onClick={openOptions}>
            Options
          </button>
        </div>
        <FillPageButton />
      </header>
      <div role="alert" class="form-error">
        {lockError ?? reveal.error}
      </div>
      {pages.state === 'ready' && pages.quarantined > 0 && <p class="notice notice-warning">{quarantineText(pages.quarantined)}</p>}
      {pages.state === 'failed' && <p class="notice notice-error">{pages.message}</p>}
      <div class="field search-field">
        <label for="profile-search">Search profiles</label>
        <input
          ref={searchBox}
          id="profile-search"
          type="search"
          value={query}
          placeholder="Label, importer, bank or last digits"
          autocomplete="off"
          spellcheck={false}
          maxLength={PROFILE_QUERY_MAX_LENGTH}
          aria-controls="profile-results"
          aria-describedby="profile-count"
          onInput={(event) => {
            const typed = event.currentTarget.value;
            setQuery(typed);
            search(typed);
          }}
        />
      </div>
      <p id="profile-count" class="muted result-count" role="status">
        {pages.state === 'loading' ? 'Loading profiles…' : pages.state === 'ready' ? countText(visible.length, pages.total, pages.count, pages.query) : ''}
      </p>
      <ul id="profile-results" class="profile-list" ref={list} aria-label="Profiles" aria-busy={pending}>
        {rows}
      </ul>
      {remaining > 0 && (
        <button type="button" class="show-more" onClick={onShowMore}>
          Show {Math.min(PAGE_SIZE, remaining)} more ({numberFormat.format(remaining)} not shown)
        </button>
      )}
      <p class="list-footer">
        <a
          href="/options.html"
          onClick={(event) => {
            event.preventDefault();
            openOptions();
          }}
        >
          Import / export
        </a>
        <a
          href="/status.html"
          target="_blank"
          rel="noopener"
          onClick={(event) => {
            if (!openStatus) return;
            event.preventDefault();
            openStatus();
          }}
        >
          Enrollment status
        </a>
      </p>
    </section>
  );
}
