/**
 * The profile picker on the ACE page: the profiles of the page's importer first, then the others,
 * each a button whose name starts with its label; typing filters, Enter in the filter takes the
 * first row, arrows move between rows, Escape closes. A locked vault is unlocked here first (the
 * passphrase is typed into our page, never the ACE page's). Choosing tells the background, which
 * has the page assistant fetch and fill the profile. A choice counts only while the picker is
 * really seen (IntersectionObserver v2 inside this frame judges what the ACE page does to it:
 * opacity, filters, covers); else nothing is chosen and the picker says why.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ResponseOf } from '@/utils/messaging/protocol';
import { sendRequest } from '@/utils/messaging/send-request';
import { UnlockView } from '../popup/UnlockView';
import { PopupContext, errorMessage, type PopupServices, type Request } from '../popup/popup-services';
import { PickerRows } from './PickerRows';
import { TIMING_BUILD } from '@/utils/timing-build';
import { createVisibilityGate, HIDDEN_CLICK_MESSAGE, type VisibilityGate } from '@/utils/content/visibility-gate';

type Listing = ResponseOf<'picker/list'>;

export interface PickerAppProps {
  readonly token: string;
  readonly services: PopupServices;
  /** Asks the page assistant to close the picker (Escape, Close). */
  readonly close: () => void;
  /** Injectable for tests; else an IntersectionObserver v2 over this page. */
  readonly gate?: VisibilityGate;
}

/** User Timing mark once the first rows are on screen: bench/fill.bench.ts reads it. */
export const PICKER_PAINTED_MARK = 'ace-ach:picker-painted';

function countText(listing: Listing, query: string): string {
  if (listing.total === 0) return query.trim() ? `No profile matches “${query.trim()}”.` : 'No saved profiles yet.';
  const shown = listing.rows.length;
  const profiles = `${listing.total} ${listing.total === 1 ? 'profile' : 'profiles'}`;
  return shown < listing.total ? `${profiles}; showing ${shown}. Type to narrow the list.` : `${profiles}.`;
}

function windowGate(signal: AbortSignal): VisibilityGate {
  return createVisibilityGate({ signal, view: window, setTimeout: (callback, ms) => setTimeout(callback, ms) });
}

export function PickerApp({ token, services, close, gate: givenGate }: PickerAppProps) {
  const [listing, setListing] = useState<Listing | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [query, setQuery] = useState('');
  const [choosing, setChoosing] = useState<string | undefined>();
  const asked = useRef(0);
  /** Which request the rows on screen answer: Enter must not choose from an older query's rows. */
  const shown = useRef(0);
  /** Enter was pressed before the answer to the latest query came: choose its first row then. */
  const enterPending = useRef(false);
  const filter = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const painted = useRef(false);
  const lifetime = useMemo(() => new AbortController(), []);
  const gate = useMemo(() => givenGate ?? windowGate(lifetime.signal), [givenGate, lifetime]);
  /** A choice is being checked for visibility: a second click meanwhile does nothing. */
  const checking = useRef(false);
  useEffect(() => () => lifetime.abort(), [lifetime]);

  const request = useMemo<Request>(() => (type, payload) => sendRequest(services.transport, type, payload), [services.transport]);
  const context = useMemo(() => ({ services, request }), [services, request]);

  async function load(nextQuery: string) {
    const ask = ++asked.current;
    try {
      const answer = await request('picker/list', { token, ...(nextQuery.trim() ? { query: nextQuery } : {}) });
      // A slower answer to an older query must not replace a newer one.
      if (ask === asked.current) {
        shown.current = ask;
        setListing(answer);
        setError(undefined);
        if (enterPending.current) {
          enterPending.current = false;
          if (answer.rows[0]) void choose(answer.rows[0].id, filter.current);
        }
      }
    } catch (caught) {
      if (ask === asked.current) {
        enterPending.current = false;
        setError(errorMessage(caught));
      }
    }
  }

  useLayoutEffect(() => {
    void load('');
    const onFocus = () => filter.current?.focus();
    // The page assistant focuses the frame once it is shown; the filter takes that focus.
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, []);

  useLayoutEffect(() => {
    if (listing?.vault !== 'unlocked') return;
    // What the user acts on: the rows, and the filter (Enter takes the first row).
    if (filter.current) gate.watch(filter.current);
    list.current?.querySelectorAll('button.pick').forEach((button) => gate.watch(button));
    if (document.activeElement === document.body || !document.activeElement) filter.current?.focus();
    if (TIMING_BUILD && !painted.current) {
      painted.current = true;
      // The first task after the frame that draws the rows: they are on screen by then.
      requestAnimationFrame(() => setTimeout(() => performance.mark(PICKER_PAINTED_MARK), 0));
    }
  }, [listing]);

  /** `via`: the row clicked, or the filter where Enter was pressed; it must be seen. */
  async function choose(id: string, via: Element | null) {
    if (choosing || checking.current) return;
    checking.current = true;
    const seen = via ? await gate.check(via) : false;
    checking.current = false;
    if (!seen) {
      setError(HIDDEN_CLICK_MESSAGE);
      return;
    }
    setChoosing(id);
    setError(undefined);
    try {
      await request('picker/choose', { token, profileId: id });
      // The page assistant closes the picker as it fills.
    } catch (caught) {
      setError(errorMessage(caught));
      setChoosing(undefined);
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
      return;
    }
    const buttons = Array.from(list.current?.querySelectorAll<HTMLButtonElement>('button.pick') ?? []);
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.target === filter.current && event.key === 'Enter') {
      event.preventDefault();
      if (shown.current !== asked.current) enterPending.current = true;
      else if (buttons[0]) void choose(buttons[0].dataset.profileId!, filter.current);
    } else if (event.key === 'ArrowDown' && buttons.length > 0) {
      event.preventDefault();
      buttons[at < 0 ? 0 : Math.min(at + 1, buttons.length - 1)]!.focus();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      event.preventDefault();
      if (at === 0) filter.current?.focus();
      else buttons[at - 1]!.focus();
    }
  }

  let body;
  if (error && !listing) {
    body = <p class="notice notice-error" role="alert">{error}</p>;
  } else if (!listing) {
    body = <p class="muted" role="status">Loading…</p>;
  } else if (listing.vault === 'new') {
    body = <p class="notice">No profiles are saved yet. Set up ACE ACH Assist from its toolbar button, add the importer's bank profile, then fill from here.</p>;
  } else if (listing.vault === 'locked') {
    body = <UnlockView notice="Unlock the vault to fill this form from a saved profile." onUnlocked={() => void load(query)} />;
  } else {
    body = (
      <>
        <label class="picker-filter-label" for="picker-filter">
          Filter profiles
        </label>
        <input
          id="picker-filter"
          ref={filter}
          type="search"
          autocomplete="off"
          spellcheck={false}
          placeholder="Label, importer number, bank…"
          value={query}
          onInput={(event) => {
            const next = (event.currentTarget as HTMLInputElement).value;
            enterPending.current = false;
            setQuery(next);
            void load(next);
          }}
        />
        {listing.importerNumbers.length > 0 && (
          <p class="muted picker-importer">Importer on this page: {listing.importerNumbers.join(', ')}</p>
        )}
        <PickerRows listRef={list} rows={listing.rows} choosing={choosing} onChoose={(id, row) => void choose(id, row)} />
        <p class="muted" role="status">
          {choosing ? 'Filling the form…' : countText(listing, query)}
        </p>
        {error && (
          <p class="notice notice-error" role="alert">
            {error}
          </p>
        )}
      </>
    );
  }

  return (
    <PopupContext.Provider value={context}>
      <main class="popup picker" aria-labelledby="picker-title" onKeyDown={onKeyDown}>
        <header class="picker-header">
          <h1 id="picker-title">Fill from a profile</h1>
          <button type="button" class="picker-close" aria-label="Close the profile list" onClick={close}>
            ×
          </button>
        </header>
        {body}
      </main>
    </PopupContext.Provider>
  );
}
