/**
 * The list's Reveal control: fetches one profile's full account number with `profiles/get`,
 * shows it, and masks it again by itself (after 10 seconds or when the popup loses focus). Only
 * one number is revealed at a time, and it lives only in this state, never in the list data.
 */
import { useState } from 'preact/hooks';
import type { ProfileSummary } from '@/utils/messaging/shapes';
import { errorMessage, useRequest } from './popup-services';
import { useAutoRemask } from './use-auto-remask';

export interface Reveal {
  readonly revealed?: { readonly id: string; readonly accountNumber: string };
  readonly pendingId?: string;
  readonly error?: string;
  toggle(profile: ProfileSummary): Promise<void>;
}

export function useReveal(): Reveal {
  const request = useRequest();
  const [revealed, setRevealed] = useState<{ id: string; accountNumber: string } | undefined>();
  const [pendingId, setPendingId] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  useAutoRemask(revealed !== undefined, () => setRevealed(undefined));

  async function toggle(profile: ProfileSummary): Promise<void> {
    setError(undefined);
    if (revealed?.id === profile.id) {
      setRevealed(undefined);
      return;
    }
    setRevealed(undefined);
    setPendingId(profile.id);
    try {
      const { profile: saved } = await request('profiles/get', { id: profile.id });
      setRevealed({ id: profile.id, accountNumber: saved.accountNumber });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setPendingId(undefined);
    }
  }

  return { revealed, pendingId, error, toggle };
}
