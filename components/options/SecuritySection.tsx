/**
 * "Security": auto-lock delay, the submit guard on ACE pages, and changing the vault passphrase
 * (the background re-wraps the data key; profiles are not re-encrypted). A new passphrase that
 * zxcvbn scores under 3 is refused with its advice, here and by the background. What the
 * organization manages shows disabled, with "Set by your organization".
 */
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/utils/messaging/shapes';
import { PassphraseField } from '../shared/PassphraseField';
import { useBusy } from '../shared/use-busy';
import { loadPackagedEstimator, useNewPassphrase } from '../shared/use-passphrase-strength';
import { LiveMessages, type Messages } from './LiveMessages';
import { ManagedNote } from './ManagedNote';
import { useManagedPolicy } from './use-managed-policy';
import { RowField } from './RowField';
import { parseWholeNumber } from './whole-number';
import { errorMessage, useRequest, useServices } from './options-services';

export const AUTO_LOCK_LIMITS = { min: 1, max: 24 * 60, unit: 'minutes', maxInWords: '24 hours' } as const;

/** The minutes typed, or the words saying what is wrong. */
export const parseAutoLockMinutes = (text: string) => parseWholeNumber(text, AUTO_LOCK_LIMITS);

interface Props {
  readonly settings: Settings | undefined;
  readonly onSettings: (settings: Settings) => void;
}

export function SecuritySection({ settings, onSettings }: Props) {
  const request = useRequest();
  const [minutes, setMinutes] = useState('');
  const [minutesProblem, setMinutesProblem] = useState<string | undefined>();
  const [messages, setMessages] = useState<Messages>({});
  const managed = useManagedPolicy();
  const minutesManaged = managed.autoLockMinutes !== undefined;
  const maxMinutes = managed.maxAutoLockMinutes ?? AUTO_LOCK_LIMITS.max;
  const minutesNote = minutesManaged ? 'auto-lock-managed' : managed.maxAutoLockMinutes !== undefined ? 'auto-lock-max' : undefined;

  useEffect(() => {
    if (settings) setMinutes(String(settings.autoLockMinutes));
  }, [settings?.autoLockMinutes]);

  async function save(changes: Partial<Settings>, done: (saved: Settings) => string) {
    try {
      const saved = await request('settings/set', changes);
      onSettings(saved);
      setMessages({ status: done(saved) });
    } catch (error) {
      setMessages({ error: errorMessage(error) });
    }
  }

  async function onMinutes(event: Event) {
    event.preventDefault();
    const parsed = parseAutoLockMinutes(minutes);
    if (typeof parsed === 'string') {
      setMinutesProblem(parsed);
      setMessages({});
      return;
    }
    setMinutesProblem(undefined);
    if (parsed === settings?.autoLockMinutes) return;
    await save({ autoLockMinutes: parsed }, (saved) => `Saved: the vault locks after ${saved.autoLockMinutes} minutes of inactivity.`);
  }

  async function onGuard(event: Event) {
    const submitGuard = (event.currentTarget as HTMLInputElement).checked;
    await save({ submitGuard }, (saved) =>
      saved.submitGuard
        ? 'Saved: ACE ACH Assist asks before a form with problems is saved.'
        : 'Saved: ACE ACH Assist no longer asks before a form with problems is saved.',
    );
  }

  return (
    <section aria-labelledby="security-heading">
      <h2 id="security-heading">Security</h2>
      <form class="inline-form" onSubmit={onMinutes} noValidate>
        <RowField
          id="auto-lock-minutes"
          label="Lock after minutes of inactivity"
          button={
            <button type="submit" class="secondary" disabled={!settings || minutesManaged}>
              Save
            </button>
          }
          hint={
            minutesManaged ? (
              <ManagedNote id="auto-lock-managed" />
            ) : managed.maxAutoLockMinutes !== undefined ? (
              <ManagedNote id="auto-lock-max" detail={`at most ${managed.maxAutoLockMinutes} minutes`} />
            ) : undefined
          }
          problem={minutesProblem ? { id: 'auto-lock-problem', text: minutesProblem } : undefined}
        >
          <input
            id="auto-lock-minutes"
            type="number"
            inputMode="numeric"
            min={AUTO_LOCK_LIMITS.min}
            max={maxMinutes}
            step={1}
            disabled={!settings || minutesManaged}
            value={minutes}
            aria-invalid={minutesProblem !== undefined}
            aria-describedby={[minutesNote, minutesProblem && 'auto-lock-problem'].filter(Boolean).join(' ') || undefined}
            onInput={(event) => setMinutes(event.currentTarget.value)}
          />
        </RowField>
      </form>
      <div class="check">
        <input
          id="submit-guard"
          type="checkbox"
          checked={settings?.submitGuard ?? false}
          disabled={!settings || managed.forceSubmitGuard}
          aria-describedby={managed.forceSubmitGuard ? 'submit-guard-managed' : undefined}
          onChange={onGuard}
        />
        <label for="submit-guard">Ask before saving a form with problems</label>
      </div>
      {managed.forceSubmitGuard && <ManagedNote id="submit-guard-managed" detail="always on" />}
      <p class="muted">
        On the ACE page, ACE ACH Assist asks for a confirmation before the bank details are saved while a field has a
        problem.
      </p>
      <LiveMessages id="security" {...messages} />
      <ChangePassphrase minScore={managed.minPassphraseScore} />
    </section>
  );
}

/** `minScore`: the organization's minimum zxcvbn score when above the app's own 3. */
function ChangePassphrase({ minScore }: { readonly minScore: number | undefined }) {
  const request = useRequest();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [messages, setMessages] = useState<Messages>({});
  const [busy, whileBusy] = useBusy((error) => setMessages({ error: errorMessage(error) }));
  const { passphraseEstimator: loadEstimator = loadPackagedEstimator } = useServices();
  const { assessment, refusal } = useNewPassphrase(next, loadEstimator, next.length > 0, minScore === 4 ? 4 : undefined);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (current.length === 0) {
      setMessages({ error: 'Enter your current passphrase.' });
      return;
    }
    await whileBusy(async () => {
      const refused = await refusal(confirmation);
      if (refused) return setMessages({ error: refused.message });
      setMessages({ status: 'Changing the passphrase…' });
      await request('vault/change-passphrase', { current, next });
      setCurrent('');
      setNext('');
      setConfirmation('');
      setMessages({ status: 'Passphrase changed. Use the new one from now on.' });
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-busy={busy} aria-labelledby="change-passphrase-heading" class="subsection">
      <h3 id="change-passphrase-heading">Change passphrase</h3>
      <PassphraseField id="current-passphrase" label="Current passphrase" autocomplete="current-password" value={current} onValue={setCurrent} />
      <PassphraseField
        id="next-passphrase"
        label="New passphrase"
        autocomplete="new-password"
        describedBy={minScore === 4 ? 'next-passphrase-hint next-passphrase-managed' : 'next-passphrase-hint'}
        value={next}
        onValue={setNext}
      >
        <p class="muted" id="next-passphrase-hint" aria-live="polite">
          {assessment ? assessment.hint : 'Checking the strength…'}
        </p>
        {minScore === 4 && <ManagedNote id="next-passphrase-managed" detail="the new passphrase must be very hard to guess (rated strong)" />}
      </PassphraseField>
      <PassphraseField id="confirm-passphrase" label="Confirm new passphrase" autocomplete="new-password" value={confirmation} onValue={setConfirmation} />
      <button type="submit" disabled={busy}>
        Change passphrase
      </button>
      <LiveMessages id="passphrase" {...messages} />
    </form>
  );
}
