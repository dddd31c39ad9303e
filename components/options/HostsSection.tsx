/**
 * "ACE hosts": the built-in ACE Portal hosts, and extra ones (e.g. a training environment) the
 * user adds at run time. Adding asks the browser for that host's permission, which it grants only
 * inside the click, so the request is the first thing the submit handler does. Hosts the
 * organization sets replace the user's list and cannot be changed; each still needs the user to
 * allow access, which its button asks for.
 */
import { useState } from 'preact/hooks';
import { ACE_HOSTS } from '@/utils/ace-hosts';
import type { Settings } from '@/utils/messaging/shapes';
import { checkExtraHostEntry, hostOrigin } from './extra-host-entry';
import { LiveMessages, type Messages } from './LiveMessages';
import { ManagedNote } from './ManagedNote';
import { useManagedPolicy } from './use-managed-policy';
import { RowField } from './RowField';
import { useBusy } from '../shared/use-busy';
import { errorMessage, useRequest, useServices } from './options-services';

interface Props {
  readonly settings: Settings | undefined;
  readonly onSettings: (settings: Settings) => void;
}

export function HostsSection({ settings, onSettings }: Props) {
  const request = useRequest();
  const { permissions } = useServices();
  const [entry, setEntry] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [messages, setMessages] = useState<Messages>({});
  const [busy, whileBusy] = useBusy((error) => setMessages({ error: errorMessage(error) }));
  const extraHosts = settings?.extraHosts ?? [];
  const managed = useManagedPolicy().extraHosts !== undefined;

  async function add(event: Event) {
    event.preventDefault();
    if (busy || !settings) return;
    const checked = checkExtraHostEntry(entry, extraHosts);
    if (!checked.ok) {
      setProblem(checked.message);
      setMessages({});
      return;
    }
    setProblem(undefined);
    // Nothing may be awaited before this call, or the browser no longer sees the user's click.
    const asking = permissions.request([hostOrigin(checked.host)]);
    await whileBusy(async () => {
      if (!(await asking)) {
        setMessages({ error: `The browser did not grant access to ${checked.host}, so it was not added.` });
        return;
      }
      onSettings(await request('settings/set', { extraHosts: [...extraHosts, checked.host] }));
      setEntry('');
      setMessages({ status: `Added ${checked.host}. Reload its pages for ACE ACH Assist to work there.` });
    });
  }

  /** A managed host: the browser's permission, then the same list saved again so its content script is registered. */
  async function allow(host: string) {
    if (busy) return;
    // Nothing may be awaited before this call, or the browser no longer sees the user's click.
    const asking = permissions.request([hostOrigin(host)]);
    await whileBusy(async () => {
      if (!(await asking)) {
        setMessages({ error: `The browser did not grant access to ${host}.` });
        return;
      }
      onSettings(await request('settings/set', { extraHosts }));
      setMessages({ status: `Access to ${host} allowed. Reload its pages for ACE ACH Assist to work there.` });
    });
  }

  function remove(host: string) {
    return whileBusy(async () => {
      onSettings(await request('settings/set', { extraHosts: extraHosts.filter((item) => item !== host) }));
      await permissions.remove([hostOrigin(host)]);
      setMessages({ status: `Removed ${host}.` });
    });
  }

  return (
    <section aria-labelledby="hosts-heading">
      <h2 id="hosts-heading">ACE hosts</h2>
      <p class="muted">ACE ACH Assist works on these ACE Portal hosts:</p>
      <ul class="hosts">
        {ACE_HOSTS.map((host) => (
          <li key={host}>
            https://{host} <span class="muted">(built in)</span>
          </li>
        ))}
        {extraHosts.map((host) => (
          <li key={host}>
            https://{host}{' '}
            {managed ? (
              <button type="button" class="link-button" aria-label={`Allow access to ${host}`} disabled={busy} onClick={() => allow(host)}>
                Allow access
              </button>
            ) : (
              <button type="button" class="link-button" aria-label={`Remove ${host}`} disabled={busy} onClick={() => remove(host)}>
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      {managed && <ManagedNote id="extra-hosts-managed" detail="the extra hosts cannot be changed here" />}
      <form onSubmit={add} noValidate aria-busy={busy}>
        <RowField
          id="extra-host"
          label="Extra ACE host"
          button={
            <button type="submit" disabled={busy || !settings || managed}>
              Add host
            </button>
          }
          hint={
            <p class="muted" id="extra-host-hint">
              For example a CBP training environment such as ace-test.cbp.gov. The browser asks you to allow access to it.
            </p>
          }
          problem={problem ? { id: 'extra-host-problem', text: problem, alert: true } : undefined}
        >
          <input
            id="extra-host" type="text" inputMode="url" autocomplete="off" spellcheck={false} placeholder="ace-test.cbp.gov"
            value={entry}
            disabled={managed}
            aria-invalid={problem !== undefined}
            aria-describedby={problem ? 'extra-host-hint extra-host-problem' : 'extra-host-hint'}
            onInput={(event) => setEntry(event.currentTarget.value)}
          />
        </RowField>
      </form>
      <LiveMessages id="hosts" {...messages} />
    </section>
  );
}
