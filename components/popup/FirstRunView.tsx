/**
 * First run: the user chooses the vault passphrase. A strength hint (zxcvbn) follows the typing;
 * a passphrase under 10 characters, one zxcvbn scores under 3 (its advice is the message) or a
 * confirmation that differs is refused before anything is sent (and by the background again),
 * and the screen says plainly that a forgotten passphrase cannot be recovered.
 */
import { useState } from 'preact/hooks';
import { newPassphraseRefusal, type PassphraseRefusal } from '@/utils/passphrase/passphrase-strength';
import type { VaultStatus } from '@/utils/messaging/shapes';
import { MaskableInput } from './MaskableInput';
import { errorMessage, useRequest, useServices } from './popup-services';
import { useFocusOnMount } from './use-focus';
import { loadPackagedEstimator, usePassphraseAssessment, usePassphraseEstimator } from './use-passphrase-strength';

const STRENGTH_WORDS = { weak: 'Weak', fair: 'Fair', good: 'Good', strong: 'Strong' } as const;
const STRENGTH_LEVEL = { weak: 1, fair: 2, good: 3, strong: 4 } as const;

export function FirstRunView({ onDone }: { onDone: (status: VaultStatus) => void }) {
  const request = useRequest();
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [show, setShow] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const [invalid, setInvalid] = useState<PassphraseRefusal['field'] | undefined>();
  const [busy, setBusy] = useState(false);
  const first = useFocusOnMount<HTMLInputElement>();
  const { passphraseEstimator: loadEstimator = loadPackagedEstimator } = useServices();
  const estimator = usePassphraseEstimator(loadEstimator);
  const assessment = usePassphraseAssessment(passphrase, estimator);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const refused = newPassphraseRefusal(passphrase, confirmation, estimator ?? (await loadEstimator()));
      setProblem(refused?.message);
      setInvalid(refused?.field);
      if (refused) {
        setBusy(false);
        return;
      }
      onDone(await request('vault/setup', { passphrase }));
    } catch (error) {
      setProblem(errorMessage(error));
      setBusy(false);
    }
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
        <div class="field">
          <label for="new-passphrase">Passphrase</label>
          <MaskableInput
            inputRef={first}
            id="new-passphrase"
            masked={!show}
            autocomplete="new-password"
            value={passphrase}
            onInput={(event) => setPassphrase(event.currentTarget.value)}
            aria-describedby="passphrase-strength no-recovery"
            aria-invalid={invalid === 'passphrase'}
            spellcheck={false}
          />
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
        </div>
        <div class="field">
          <label for="confirm-passphrase">Confirm passphrase</label>
          <MaskableInput
            id="confirm-passphrase"
            masked={!show}
            autocomplete="new-password"
            value={confirmation}
            onInput={(event) => setConfirmation(event.currentTarget.value)}
            aria-invalid={invalid === 'confirmation'}
            spellcheck={false}
          />
        </div>
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
