/**
 * The importer (IR) numbers of a profile: one row per number (ACE keeps bank details per EIN
 * suffix, and one company may have several), each with its own messages; rows can be added and
 * removed by keyboard, and focus follows.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { FormProblem } from '@/components/popup/profile-editor-form';
import { EDITOR_FIELD_LABELS } from '@/utils/bank/field-labels';
import { TextField } from './TextField';

interface ImporterNumbersFieldProps {
  readonly numbers: readonly string[];
  readonly problemsFor: (index: number) => readonly FormProblem[];
  readonly onChange: (numbers: string[]) => void;
  readonly onLeave: (index: number) => void;
}

export function importerNumberLabel(index: number): string {
  const name = EDITOR_FIELD_LABELS.importerNumbers;
  return index === 0 ? name : `${name} ${index + 1}`;
}

export function ImporterNumbersField({ numbers, problemsFor, onChange, onLeave }: ImporterNumbersFieldProps) {
  const group = useRef<HTMLFieldSetElement>(null);
  const focusRow = useRef<number | undefined>(undefined);

  useLayoutEffect(() => {
    const index = focusRow.current;
    if (index === undefined) return;
    focusRow.current = undefined;
    group.current?.querySelectorAll<HTMLInputElement>('input')[index]?.focus();
  }, [numbers.length]);

  function set(index: number, value: string) {
    onChange(numbers.map((number, at) => (at === index ? value : number)));
  }

  function addRow() {
    focusRow.current = numbers.length;
    onChange([...numbers, '']);
  }

  function removeRow(index: number) {
    focusRow.current = Math.max(0, index - 1);
    onChange(numbers.filter((_, at) => at !== index));
  }

  return (
    <fieldset class="group" ref={group}>
      <legend>Importer numbers</legend>
      <p class="hint" id="importer-numbers-hint">
        EIN with its suffix (12-345678900), SSN or CBP-assigned number. ACE keeps bank details per suffix.
      </p>
      {numbers.map((number, index) => (
        <TextField
          key={index}
          id={`profile-importer-${index}`}
          label={importerNumberLabel(index)}
          value={number}
          problems={problemsFor(index)}
          onValue={(value) => set(index, value)}
          onLeave={() => onLeave(index)}
          sharedHintId="importer-numbers-hint"
          beside={
            numbers.length > 1 ? (
              <button type="button" class="small" aria-label={`Remove ${importerNumberLabel(index).toLowerCase()}`} onClick={() => removeRow(index)}>
                Remove
              </button>
            ) : undefined
          }
        />
      ))}
      <button type="button" class="small" onClick={addRow}>
        Add importer number
      </button>
    </fieldset>
  );
}
