/**
 * The enrollment status page: asks the background for every importer's row (enrollment/list) and
 * shows the table with its chips, search, sorting, export and print. The rows need the unlocked
 * vault: while it is locked the page says so and takes the passphrase itself. When the page comes
 * back into view it asks again: the user may have unlocked in the popup meanwhile, or the vault
 * may have locked (then the rows are hidden).
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ResponseOf } from '@/utils/messaging/protocol';
import { RequestError } from '@/utils/messaging/request-error';
import { StatusContext, errorMessage, useRequest, type StatusServices } from './status-services';
import { StatusPage } from './StatusPage';
import { StatusUnlock } from './StatusUnlock';

export type StatusList = ResponseOf<'enrollment/list'>;

type State =
  | { readonly name: 'loading' }
  | { readonly name: 'locked' }
  | { readonly name: 'no-vault' }
  | { readonly name: 'failed'; readonly message: string }
  | { readonly name: 'ready'; readonly list: StatusList };

export function StatusApp({ services }: { readonly services: StatusServices }) {
  return (
    <StatusContext.Provider value={services}>
      <main class="status-page">
        <h1>Enrollment status</h1>
        <StatusLoader />
      </main>
    </StatusContext.Provider>
  );
}

function StatusLoader() {
  const request = useRequest();
  const [state, setState] = useState<State>({ name: 'loading' });
  const current = useRef(state);
  current.current = state;

  // Only the latest load may set the state: an earlier one's late answer is stale.
  const generation = useRef(0);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    const latest = () => generation.current === mine;
    // The vault's state beside the rows: a new or locked vault is shown at once, without waiting
    // for the rows' answer (which, with no vault yet, says "locked" too).
    const vaultState = request('vault/status', {}).then(
      (status) => status.state,
      () => undefined,
    );
    void vaultState.then((state) => {
      if (!latest() || current.current.name !== 'loading') return;
      if (state === 'new') setState({ name: 'no-vault' });
      else if (state === 'locked') setState({ name: 'locked' });
    });
    try {
      const list = await request('enrollment/list', {});
      if (latest()) setState({ name: 'ready', list });
    } catch (error) {
      if (!latest()) return;
      if (error instanceof RequestError && (error.code === 'locked' || error.code === 'no-vault')) {
        const noVault = error.code === 'no-vault' || (await vaultState) === 'new';
        if (latest()) setState(noVault ? { name: 'no-vault' } : { name: 'locked' });
      } else setState({ name: 'failed', message: errorMessage(error) });
    }
  }, [request]);

  // Asked at once rather than after the first frame: the rows are what the page waits for.
  useLayoutEffect(() => {
    void load();
  }, [load]);

  // When the page is back in view: unlocked in the popup meanwhile (or a vault set up there)?
  // Then the rows. Locked meanwhile (by hand or auto-lock) while the rows show? Then they go:
  // the page shows no more than a locked popup would.
  const recheck = useCallback(async () => {
    try {
      const status = await request('vault/status', {});
      if (status.state === 'unlocked' || current.current.name !== 'ready') return;
      setState(status.state === 'new' ? { name: 'no-vault' } : { name: 'locked' });
    } catch {
      // The rows stay; the next look asks again.
    }
  }, [request]);

  useEffect(() => {
    const again = () => {
      if (document.visibilityState !== 'visible') return;
      const name = current.current.name;
      if (name === 'locked' || name === 'no-vault') void load();
      else if (name === 'ready') void recheck();
    };
    window.addEventListener('focus', again);
    document.addEventListener('visibilitychange', again);
    return () => {
      window.removeEventListener('focus', again);
      document.removeEventListener('visibilitychange', again);
    };
  }, [load, recheck]);

  switch (state.name) {
    case 'loading':
      return (
        <p class="muted" role="status">
          Loading…
        </p>
      );
    case 'locked':
      return <StatusUnlock onUnlocked={() => void load()} />;
    case 'no-vault':
      return (
        <p class="notice">
          No vault has been set up yet. Choose a passphrase and save a profile in the ACE ACH Assist popup (the extension's
          toolbar button), then come back to this page.
        </p>
      );
    case 'failed':
      return (
        <div>
          <p class="error" role="alert">
            The enrollment status could not be read: {state.message}
          </p>
          <button type="button" onClick={() => void load()}>
            Try again
          </button>
        </div>
      );
    case 'ready':
      return <StatusPage list={state.list} />;
  }
}
