/**
 * First run: the user chooses the vault passphrase. A strength hint (zxcvbn) follows the typing;
 * a passphrase under 10 characters, one zxcvbn scores under 3 (its advice is the message) or a
 * confirmation that differs is refused before anything is sent (and by the background again),
 * and the screen says plainly that a forgotten passphrase cannot be recovered.
 */
import { useState } from 'preact/hooks';
import type { PassphraseRefusal } from '@/utils/passphrase/passphrase-strength';
import type { VaultStatus } from '@/utils/messaging/shapes';
import { PassphraseField } from '../shared/PassphraseField';
import { useBusy } from '../shared/use-busy';
import { loadPackagedEstimator, useNewPassphrase } from '../shared/use-passphrase-strength';
import { errorMessage, useRequest, useServices } from './popup-services';
import { useFocusOnMount } from './use-focus';

const STRENGTH_WORDS = { weak: 'Weak', fair: 'Fair', good: 'Good', strong: 'Strong' } as const;
const STRENGTH_LEVEL = { weak: 1, fair: 2, good: 3, strong: 4 } as const;

export function FirstRunView({ onDone }: { onDone: (status: VaultStatus) => void }) {
  const request = useRequest();
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [show, setShow] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const [invalid, setInvalid] = useState<PassphraseRefusal['field'] | undefined>();
  const [busy, whileBusy] = useBusy((error) => setProblem(errorMessage(error)));
  const first = useFocusOnMount<HTMLInputElement>();
  const { passphraseEstimator: loadEstimator = loadPackagedEstimator } = useServices();
  const { assessment, refusal } = useNewPassphrase(passphrase, loadEstimator);

  async function submit(event: Event) {
    event.preventDefault();
    await whileBusy(async () => {
      const refused = await refusal(confirmation);
      setProblem(refused?.message);
      setInvalid(refused?.field);
      // Once created, this view gives way to the profile list.
      if (!refused) onDone(await request('vault/setup', { passphrase }));
    });
  }

  return (
    <section class="view" aria-labelledby="first-run-heading">
      <h1 id="first-run-heading">Set up ACE ACH Assist</h1>
      <p>
        Choose a passphrase to lock your saved bank profiles. Account numbers are stored encrypted with it.
      </p>
      <p class="notice notice-warning" id="no-recovery">
        <strong>A forgotten passphrase cannot be recovered.</strong> Without it, nobody (not even us) can open the
        saved profiles; write it down somewhere safe.
      </p>
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <PassphraseField
          id="new-passphrase"
          label="Passphrase"
          inputRef={first}
          shown={show}
          autocomplete="new-password"
          value={passphrase}
          onValue={setPassphrase}
          describedBy="passphrase-strength no-recovery"
          invalid={invalid === 'passphrase'}
        >
          <div id="passphrase-strength" class={`strength strength-${assessment?.strength ?? 'pending'}`} aria-live="polite">
            {passphrase.length > 0 && assessment && (
              <>
                <span class="strength-bar" aria-hidden="true">
                  {[1, 2, 3, 4].map((level) => (
                    <span key={level} class={level <= STRENGTH_LEVEL[assessment.strength] ? 'on' : ''} />
                  ))}
                </span>
                <span>
                  Strength: {STRENGTH_WORDS[assessment.strength]}. {assessment.hint}
                </span>
              </>
            )}
            {passphrase.length > 0 && !assessment && <span class="muted">Checking the strength…</span>}
            {passphrase.length === 0 && <span class="muted">{assessment?.hint}</span>}
          </div>
        </PassphraseField>
        <PassphraseField
          id="confirm-passphrase"
          label="Confirm passphrase"
          shown={show}
          autocomplete="new-password"
          value={confirmation}
          onValue={setConfirmation}
          invalid={invalid === 'confirmation'}
        />
        <div class="field-check">
          <input id="show-passphrases" type="checkbox" checked={show} onChange={(event) => setShow(event.currentTarget.checked)} />
          <label for="show-passphrases">Show passphrases</label>
        </div>
        <div role="alert" class="form-error">
          {problem}
        </div>
        <button type="submit" class="primary" disabled={busy}>
          Create vault
        </button>
        {busy && (
          <p class="muted" role="status">
            Creating the vault…
          </p>
        )}
      </form>
    </section>
  );
}
