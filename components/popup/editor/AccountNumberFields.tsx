/**
 * The account number and its confirmation, masked; one Reveal button shows both, and they hide
 * again by themselves (use-auto-remask.ts). The confirmation asks to be typed, not copied.
 */
import { useState } from 'preact/hooks';
import { useAutoRemask } from '../use-auto-remask';
import { ProfileTextField, type EditorFields } from './ProfileTextField';

export function AccountNumberFields({ fields }: { readonly fields: EditorFields }) {
  const [shown, setShown] = useState(false);
  useAutoRemask(shown, () => setShown(false));
  const type = shown ? 'text' : 'password';
  return (
    <>
      <ProfileTextField
        path="accountNumber"
        fields={fields}
        type={type}
        inputMode="numeric"
        beside={
          <button type="button" class="small reveal" aria-pressed={shown} aria-label="Reveal digits" onClick={() => setShown(!shown)}>
            Reveal
          </button>
        }
      />
      <ProfileTextField
        path="accountConfirmation"
        fields={fields}
        type={type}
        inputMode="numeric"
        hint="Type it again from your bank statement rather than copying it."
      />
    </>
  );
}
