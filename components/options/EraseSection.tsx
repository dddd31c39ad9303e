/**
 * "Erase all data": deletes the vault, the profiles, the FedACH directory, the settings, the
 * extra hosts and the activity log (data/erase in the background), after the user has typed the
 * confirmation word: the button stays disabled until then. The extra hosts' permissions are
 * given back to the browser too.
 */
import { useState } from 'preact/hooks';
import { ERASE_CONFIRMATION } from '@/utils/messaging/protocol';
import { LiveMessages, type Messages } from './LiveMessages';
import { errorMessage, useRequest, useServices } from './options-services';
import { hostOrigin } from './extra-host-entry';
import { useBusy } from '../shared/use-busy';

interface Props {
  /** The extra hosts whose permissions go back to the browser once the data are erased. */
  readonly extraHosts: readonly string[];
  /** Everything was erased: the page reads its state again. */
  readonly onErased: () => void;
}

export function EraseSection({ extraHosts, onErased }: Props) {
  const request = useRequest();
  const { permissions } = useServices();
  const [typed, setTyped] = useState('');
  const [messages, setMessages] = useState<Messages>({});
  const [busy, whileBusy] = useBusy((error) => setMessages({ error: errorMessage(error) }));
  const confirmed = typed === ERASE_CONFIRMATION;

  async function erase(event: Event) {
    event.preventDefault();
    if (!confirmed) return;
    await whileBusy(async () => {
      setMessages({ status: 'Erasing…' });
      await request('data/erase', { confirmation: ERASE_CONFIRMATION });
      // The data are gone already; a permission the browser keeps is only access, and is listed nowhere now.
      if (extraHosts.length > 0) await permissions.remove(extraHosts.map(hostOrigin)).catch(() => false);
      setTyped('');
      setMessages({
        status:
          'All data erased. ACE ACH Assist is as newly installed: open it from the toolbar to create a new vault. Reload any ACE Portal page that is open.',
      });
      onErased();
    });
  }

  return (
    <section aria-labelledby="erase-heading">
      <h2 id="erase-heading">Erase all data</h2>
      <p class="muted">
        Deletes from this browser the vault with every bank profile, the FedACH directory, the settings, the extra ACE
        hosts and the activity log. This cannot be undone: export an encrypted backup first (Profiles: import and export)
        if you may need the profiles again.
      </p>
      <form class="inline-form" onSubmit={erase} noValidate aria-busy={busy}>
        <div class="field">
          <label for="erase-confirmation">Type {ERASE_CONFIRMATION} to confirm</label>
          <div class="row">
            <input
              id="erase-confirmation"
              type="text"
              autocomplete="off"
              spellcheck={false}
              value={typed}
              onInput={(event) => setTyped(event.currentTarget.value)}
            />
            <button type="submit" class="danger" disabled={!confirmed || busy}>
              Erase all data
            </button>
          </div>
        </div>
      </form>
      <LiveMessages id="erase" {...messages} />
    </section>
  );
}
