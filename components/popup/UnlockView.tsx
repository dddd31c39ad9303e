/**
 * The locked vault: one passphrase field. A wrong passphrase says so; after repeated failures the
 * background slows tries down and says for how long, and the form counts that time down before
 * taking another try.
 */
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { RequestError } from '@/utils/messaging/request-error';
import type { VaultStatus } from '@/utils/messaging/shapes';
import { PassphraseField } from '../shared/PassphraseField';
import { errorMessage, useRequest } from './popup-services';
import { useFocusOnMount } from './use-focus';

interface UnlockViewProps {
  /** From vault/status: a throttle still running when the popup opened. */
  readonly retryAfterMs?: number;
  /** Why the user is here, e.g. the vault locked itself while the popup was open. */
  readonly notice?: string;
  readonly onUnlocked: (status: VaultStatus) => void;
}

function secondsLeft(until: number, now: number): number {
  return Math.max(0, Math.ceil((until - now) / 1000));
}

export function UnlockView({ retryAfterMs, notice, onUnlocked }: UnlockViewProps) {
  const request = useRequest();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const [retryUntil, setRetryUntil] = useState(() => (retryAfterMs ? now + retryAfterMs : 0));
  const field = useFocusOnMount<HTMLInputElement>();
  const waiting = secondsLeft(retryUntil, now);

  useEffect(() => {
    if (retryUntil <= Date.now()) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [retryUntil]);

  useLayoutEffect(() => {
    if (waiting === 0 && retryUntil !== 0) field.current?.focus();
  }, [waiting === 0]);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy || waiting > 0) return;
    if (passphrase === '') {
      setError('Enter your passphrase.');
      field.current?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const status = await request('vault/unlock', { passphrase });
      setPassphrase('');
      onUnlocked(status);
      return;
    } catch (caught) {
      setError(errorMessage(caught));
      if (caught instanceof RequestError && caught.retryAfterMs) {
        const at = Date.now();
        setNow(at);
        setRetryUntil(at + caught.retryAfterMs);
      }
      setPassphrase('');
    }
    setBusy(false);
    field.current?.focus();
  }

  return (
    <section class="view" aria-labelledby="unlock-heading">
      <h1 id="unlock-heading">Unlock</h1>
      {notice && <p class="notice">{notice}</p>}
      <p>Enter your passphrase to open the saved bank profiles.</p>
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <PassphraseField
          id="unlock-passphrase"
          label="Passphrase"
          inputRef={field}
          autocomplete="current-password"
          autoFocus
          value={passphrase}
          onValue={setPassphrase}
          invalid={error !== undefined}
          describedBy="unlock-error unlock-wait"
        />
        <div id="unlock-error" role="alert" class="form-error">
          {error}
        </div>
        <p id="unlock-wait" class="muted" aria-live="off">
          {waiting > 0 ? `You can try again in ${waiting} ${waiting === 1 ? 'second' : 'seconds'}.` : ''}
        </p>
        <button type="submit" class="primary" disabled={busy || waiting > 0}>
          Unlock
        </button>
        {busy && (
          <p class="muted" role="status">
            Unlocking…
          </p>
        )}
      </form>
    </section>
  );
}
