/**
 * The unlocked popup: saved profiles with search, paged 50 at a time so the first render stays
 * fast with thousands of profiles, plus Add profile, Lock, Options and the way to import/export
 * (which lives on the options page, since a file picker would close the popup).
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ProfileSummary, VaultStatus } from '@/utils/messaging/shapes';
import { createProfileSearch } from '@/utils/profile-search';
import { ProfileRow } from './ProfileRow';
import { errorMessage, useRequest, useServices } from './popup-services';
import { useReveal } from './use-reveal';

export const PAGE_SIZE = 50;

/** Where focus goes when the list appears: the search box, the heading, or a profile's row. */
export type ListFocus = 'search' | 'heading' | { readonly id: string };

interface ProfileListViewProps {
  readonly focus: ListFocus;
  /** Changes when the list must be fetched again (after an undo). */
  readonly reloadKey?: number;
  readonly onOpen: (id: string) => void;
  readonly onAdd: () => void;
  readonly onLocked: (status: VaultStatus) => void;
}

type Loaded =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly message: string }
  | { readonly state: 'ready'; readonly profiles: readonly ProfileSummary[]; readonly quarantined: number };

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

export function ProfileListView({ focus, reloadKey, onOpen, onAdd, onLocked }: ProfileListViewProps) {
  const request = useRequest();
  const { openOptions } = useServices();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(PAGE_SIZE);
  const [lockError, setLockError] = useState<string | undefined>();
  const reveal = useReveal();
  const heading = useRef<HTMLHeadingElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const focusAfterMore = useRef<number | undefined>(undefined);

  useEffect(() => {
    let current = true;
    request('profiles/list', {}).then(
      ({ profiles, quarantined }) => current && setLoaded({ state: 'ready', profiles, quarantined }),
      (error) => current && setLoaded({ state: 'failed', message: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [reloadKey]);

  const search = useMemo(() => createProfileSearch(loaded.state === 'ready' ? loaded.profiles : []), [loaded]);
  const results = useMemo(() => search.search(query), [search, query]);
  // Index the list once it is on screen, before the first keystroke needs it.
  useEffect(() => {
    const timer = setTimeout(() => search.prepare(), 0);
    return () => clearTimeout(timer);
  }, [search]);
  const visible = results.slice(0, shown);

  // Focus once: on the heading at once, on the search box or a row when the list is there.
  const focused = useRef(false);
  useLayoutEffect(() => {
    if (focused.current) return;
    if (focus === 'heading') {
      heading.current?.focus();
      focused.current = true;
      return;
    }
    if (loaded.state === 'loading') return;
    focused.current = true;
    if (focus === 'search') {
      (searchBox.current ?? heading.current)?.focus();
      return;
    }
    const rows = Array.from(list.current?.querySelectorAll<HTMLElement>('[data-profile-id]') ?? []);
    const row = rows.find((element) => element.dataset.profileId === focus.id);
    (row ?? heading.current)?.focus();
  }, [loaded]);

  useLayoutEffect(() => {
    const index = focusAfterMore.current;
    if (index === undefined) return;
    focusAfterMore.current = undefined;
    list.current?.querySelectorAll<HTMLElement>('.profile-open')[index]?.focus();
  }, [shown]);

  async function lock() {
    setLockError(undefined);
    try {
      onLocked(await request('vault/lock', {}));
    } catch (error) {
      setLockError(errorMessage(error));
    }
  }

  function showMore() {
    focusAfterMore.current = shown;
    setShown(shown + PAGE_SIZE);
  }

  const total = loaded.state === 'ready' ? loaded.profiles.length : 0;
  const remaining = results.length - visible.length;

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
      </header>
      <div role="alert" class="form-error">
        {lockError ?? reveal.error}
      </div>
      {loaded.state === 'ready' && loaded.quarantined > 0 && <p class="notice notice-warning">{quarantineText(loaded.quarantined)}</p>}
      {loaded.state === 'failed' && <p class="notice notice-error">{loaded.message}</p>}
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
          aria-controls="profile-results"
          aria-describedby="profile-count"
          onInput={(event) => {
            setQuery(event.currentTarget.value);
            setShown(PAGE_SIZE);
          }}
        />
      </div>
      <p id="profile-count" class="muted result-count" role="status">
        {loaded.state === 'loading' ? 'Loading profiles…' : loaded.state === 'ready' ? countText(visible.length, results.length, total, query) : ''}
      </p>
      <ul id="profile-results" class="profile-list" ref={list} aria-label="Profiles">
        {visible.map((profile) => (
          <ProfileRow
            key={profile.id}
            profile={profile}
            revealedNumber={reveal.revealed?.id === profile.id ? reveal.revealed.accountNumber : undefined}
            revealPending={reveal.pendingId === profile.id}
            onOpen={onOpen}
            onToggleReveal={reveal.toggle}
          />
        ))}
      </ul>
      {remaining > 0 && (
        <button type="button" class="show-more" onClick={showMore}>
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
      </p>
    </section>
  );
}
