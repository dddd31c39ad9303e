/**
 * Whether the vault is unlocked, for the sections that need it. Checked again whenever the page
 * comes back into view, since the user unlocks in the popup, and whenever a request finds it
 * locked (auto-lock while the page was open).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { VaultStatus } from '@/utils/messaging/shapes';
import { useRequest } from './options-services';

export type VaultState = VaultStatus['state'] | 'unknown';

export function useVaultState(): { state: VaultState; refresh: () => void; markLocked: () => void } {
  const request = useRequest();
  const [state, setState] = useState<VaultState>('unknown');

  const refresh = useCallback(() => {
    request('vault/status', {})
      .then((status) => setState(status.state))
      .catch(() => setState('unknown'));
  }, [request]);

  useEffect(() => {
    refresh();
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  return { state, refresh, markLocked: useCallback(() => setState('locked'), []) };
}
