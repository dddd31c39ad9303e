/**
 * The toolbar popup: asks the background what state the vault is in and shows first-run setup,
 * the unlock form, the profile list or the editor. The views talk to the background only through
 * the injected transport (see popup-services), so the whole popup runs in tests against a fake.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { RequestError } from '@/utils/messaging/request-error';
import { sendRequest } from '@/utils/messaging/send-request';
import type { ResponseOf } from '@/utils/messaging/protocol';
import type { VaultStatus } from '@/utils/messaging/shapes';
import { firstRunView, profileEditorView } from './lazy-views';
import { ProfileListView, type ListFocus } from './ProfileListView';
import { StatusToast, type Toast } from './StatusToast';
import { UnlockView } from './UnlockView';
import { PopupContext, errorMessage, type PopupServices, type Request } from './popup-services';
import { prefetchFirstPage } from './use-profile-pages';

const FirstRunView = firstRunView.View;
const ProfileEditor = profileEditorView.View;

type View =
  | { readonly name: 'loading' }
  | { readonly name: 'failed'; readonly message: string }
  | { readonly name: 'first-run' }
  | { readonly name: 'locked'; readonly retryAfterMs?: number; readonly notice?: string }
  | { readonly name: 'list'; readonly focus: ListFocus }
  | { readonly name: 'editor'; readonly id?: string };

/** Shown only when the background is slow to answer: a quick answer then paints the list first. */
export const LOADING_NOTICE_DELAY_MS = 300;

function LoadingNotice() {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), LOADING_NOTICE_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <p class="muted" role="status">
      {shown ? 'Loading…' : ''}
    </p>
  );
}

export function PopupApp({ services }: { services: PopupServices }) {
  const [view, setView] = useState<View>({ name: 'loading' });
  const [toast, setToast] = useState<Toast | undefined>();
  const [listKey, setListKey] = useState(0);
  const toastKey = useRef(0);
  const currentView = useRef(view);
  currentView.current = view;
  const firstPage = useRef<Promise<ResponseOf<'profiles/list'>> | undefined>(undefined);
  const takeFirstPage = () => {
    const page = firstPage.current;
    firstPage.current = undefined;
    return page;
  };

  const request = useMemo<Request>(
    () =>
      async function request(type, payload) {
        try {
          return await sendRequest(services.transport, type, payload);
        } catch (error) {
          // Auto-lock may strike while the popup is open: whatever view asked, unlock comes first.
          const name = currentView.current.name;
          if (error instanceof RequestError && error.code === 'locked' && (name === 'list' || name === 'editor')) {
            setToast(undefined);
            setView({ name: 'locked', notice: error.message });
          }
          if (error instanceof RequestError && error.code === 'no-vault') setView({ name: 'first-run' });
          throw error;
        }
      },
    [services.transport],
  );
  const context = useMemo(() => ({ services, request }), [services, request]);

  function showToast(message: string, onUndo?: () => void) {
    toastKey.current++;
    setToast(onUndo ? { key: toastKey.current, message, onUndo } : { key: toastKey.current, message });
  }

  function showStatus(status: VaultStatus) {
    // Asked while the vault was not open: it can only have been refused.
    if (status.state !== 'unlocked') firstPage.current = undefined;
    if (status.state === 'new') setView({ name: 'first-run' });
    else if (status.state === 'locked') setView(status.retryAfterMs ? { name: 'locked', retryAfterMs: status.retryAfterMs } : { name: 'locked' });
    else setView({ name: 'list', focus: 'search' });
  }

  async function loadStatus() {
    setView({ name: 'loading' });
    const page = prefetchFirstPage(services.transport);
    firstPage.current = page;
    // A first page means the vault is open: the list need not wait for the status as well.
    page.then(
      () => {
        if (currentView.current.name === 'loading') setView({ name: 'list', focus: 'search' });
      },
      () => {},
    );
    try {
      const status = await request('vault/status', {});
      // Already showing the list (or gone on from it) on the first page's word.
      if (status.state === 'unlocked' && currentView.current.name !== 'loading') return;
      showStatus(status);
    } catch (error) {
      if (currentView.current.name === 'loading') setView({ name: 'failed', message: errorMessage(error) });
    }
  }

  // Asked at once rather than after the first frame (an ordinary effect's wait).
  useLayoutEffect(() => {
    void loadStatus();
  }, []);

  function showList(focus: ListFocus) {
    setListKey((key) => key + 1);
    setView({ name: 'list', focus });
  }

  async function undoDelete(deleted: { id: string; label: string }) {
    try {
      await request('profiles/restore', { id: deleted.id });
      showToast(`Restored ${deleted.label}.`);
      showList({ id: deleted.id });
    } catch (error) {
      showToast(errorMessage(error));
    }
  }

  function onLocked(status: VaultStatus) {
    setToast(undefined);
    showStatus(status);
  }

  let content;
  switch (view.name) {
    case 'loading':
      content = <LoadingNotice />;
      break;
    case 'failed':
      content = (
        <section class="view">
          <h1>ACE ACH Assist</h1>
          <p class="notice notice-error" role="alert">
            {view.message}
          </p>
          <button type="button" onClick={loadStatus}>
            Try again
          </button>
        </section>
      );
      break;
    case 'first-run':
      content = <FirstRunView onDone={showStatus} />;
      break;
    case 'locked':
      content = <UnlockView retryAfterMs={view.retryAfterMs} notice={view.notice} onUnlocked={showStatus} />;
      break;
    case 'list':
      content = (
        <ProfileListView
          key={listKey}
          focus={view.focus}
          takeFirstPage={takeFirstPage}
          onOpen={(id) => setView({ name: 'editor', id })}
          onAdd={() => setView({ name: 'editor' })}
          onLocked={onLocked}
        />
      );
      break;
    case 'editor':
      content = (
        <ProfileEditor
          key={view.id ?? 'new'}
          id={view.id}
          onSaved={(profile) => {
            showToast(`Saved ${profile.label}.`);
            showList({ id: profile.id });
          }}
          onDeleted={(deleted) => {
            showToast(`Deleted ${deleted.label}.`, () => void undoDelete(deleted));
            showList('heading');
          }}
          onClose={() => showList(view.id ? { id: view.id } : 'heading')}
        />
      );
      break;
  }

  return (
    <PopupContext.Provider value={context}>
      <main class="popup">
        <StatusToast toast={toast} onDismiss={() => setToast(undefined)} />
        {content}
      </main>
    </PopupContext.Provider>
  );
}
