/**
 * A labelled editor field with its messages underneath: aria-describedby ties the messages (and
 * an optional hint) to the input, aria-invalid marks it while an error shows.
 */
import type { ComponentChildren, Ref } from 'preact';
import { fieldHasError, type FormProblem } from '@/components/popup/profile-editor-form';
import { FieldMessages } from './FieldMessages';
import { LabelledField } from '../shared/LabelledField';
import { MaskableInput } from '../shared/MaskableInput';

export interface TextFieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly problems: readonly FormProblem[];
  readonly onValue: (value: string) => void;
  readonly onLeave?: () => void;
  readonly hint?: string;
  /** Id of a description shared by several fields, e.g. a group's hint. */
  readonly sharedHintId?: string;
  readonly type?: 'text' | 'password';
  readonly multiline?: boolean;
  readonly autocomplete?: string;
  readonly inputMode?: 'numeric' | 'text';
  readonly inputRef?: Ref<HTMLInputElement>;
  /** Shown right of the input, e.g. a Reveal toggle. */
  readonly beside?: ComponentChildren;
  /** Shown under the messages, e.g. routing-number suggestions. */
  readonly children?: ComponentChildren;
}

export function TextField(props: TextFieldProps) {
  const { id, label, value, problems, onValue, onLeave, hint, type = 'text', multiline, autocomplete = 'off', inputMode } = props;
  const messagesId = `${id}-messages`;
  const hintId = `${id}-hint`;
  const describedBy = [props.sharedHintId, hint ? hintId : undefined, messagesId].filter(Boolean).join(' ');
  const invalid = fieldHasError(problems);
  const common = {
    id,
    value,
    'aria-describedby': describedBy,
    'aria-invalid': invalid,
    spellcheck: false,
    onBlur: onLeave,
  };
  return (
    <LabelledField id={id} label={label}>
      {hint && (
        <p id={hintId} class="hint">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea {...common} rows={3} onInput={(event) => onValue(event.currentTarget.value)} />
      ) : (
        <div class={props.beside ? 'input-row' : undefined}>
          <MaskableInput
            {...common}
            masked={type === 'password'}
            inputRef={props.inputRef}
            autocomplete={autocomplete}
            inputMode={inputMode}
            onInput={(event) => onValue(event.currentTarget.value)}
          />
          {props.beside}
        </div>
      )}
      <FieldMessages id={messagesId} problems={problems} />
      {props.children}
    </LabelledField>
  );
}
