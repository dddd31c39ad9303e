/**
 * A labelled passphrase input, as every screen that asks for one draws it: the vault's unlock and
 * first run, the options' change of passphrase, and an encrypted backup's export and import. It is
 * a password field that nobody's spell checker reads; `shown` makes it one the user can reveal
 * (then password managers are told to stay out, as they have nothing to offer for a new one).
 */
import type { ComponentChildren, Ref } from 'preact';
import { LabelledField } from './LabelledField';
import { MaskableInput } from './MaskableInput';

export interface PassphraseFieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onValue: (value: string) => void;
  readonly autocomplete: 'current-password' | 'new-password' | 'off';
  /** Ids of what describes the field (hints, errors), in reading order. */
  readonly describedBy?: string;
  readonly invalid?: boolean;
  readonly inputRef?: Ref<HTMLInputElement>;
  readonly autoFocus?: boolean;
  /** Revealable: the typed text shows while true. */
  readonly shown?: boolean;
  /** Under the input, e.g. the strength of a new passphrase. */
  readonly children?: ComponentChildren;
}

export function PassphraseField({ id, label, value, onValue, describedBy, invalid, inputRef, shown, children, ...rest }: PassphraseFieldProps) {
  const common = {
    ...rest,
    id,
    value,
    onInput: (event: { currentTarget: HTMLInputElement }) => onValue(event.currentTarget.value),
    'aria-describedby': describedBy,
    'aria-invalid': invalid,
    spellcheck: false,
  };
  return (
    <LabelledField id={id} label={label}>
      {shown === undefined ? <input {...common} ref={inputRef} type="password" /> : <MaskableInput {...common} inputRef={inputRef} masked={!shown} />}
      {children}
    </LabelledField>
  );
}
