/**
 * The status page while the vault is locked: it says so and takes the passphrase (vault/unlock),
 * as the popup's unlock form does; a throttled try says how long to wait.
 */
import { useState } from 'preact/hooks';
import { RequestError } from '@/utils/messaging/request-error';
import { PassphraseField } from '../shared/PassphraseField';
import { useBusy } from '../shared/use-busy';
import { errorMessage, useRequest } from './status-services';

export function StatusUnlock({ onUnlocked }: { readonly onUnlocked: () => void }) {
  const request = useRequest();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, whileBusy] = useBusy((caught) => {
    setPassphrase('');
    const wait = caught instanceof RequestError && caught.retryAfterMs ? Math.ceil(caught.retryAfterMs / 1000) : 0;
    setError(wait > 0 ? `${errorMessage(caught)} Try again in ${wait} ${wait === 1 ? 'second' : 'seconds'}.` : errorMessage(caught));
  });

  async function submit(event: Event) {
    event.preventDefault();
    if (passphrase === '') {
      setError('Enter your passphrase.');
      return;
    }
    await whileBusy(async () => {
      setError(undefined);
      await request('vault/unlock', { passphrase });
      setPassphrase('');
      onUnlocked();
    });
  }

  return (
    <section aria-labelledby="status-unlock-heading" class="status-unlock">
      <h2 id="status-unlock-heading">The vault is locked</h2>
      <p>The enrollment status is kept encrypted with your profiles. Enter your passphrase to see it.</p>
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <PassphraseField
          id="status-passphrase"
          label="Passphrase"
          autocomplete="current-password"
          autoFocus
          value={passphrase}
          onValue={setPassphrase}
          invalid={error !== undefined}
          describedBy="status-unlock-error"
        />
        <p id="status-unlock-error" role="alert" class="error">
          {error}
        </p>
        <button type="submit" disabled={busy}>
          Unlock
        </button>
      </form>
    </section>
  );
}
