/**
 * An options field whose button stands on the input's row (Add host, Save), with a hint and the
 * input's problem under them; the caller's input points at them with aria-describedby.
 */
import type { ComponentChildren } from 'preact';
import { LabelledField } from '../shared/LabelledField';

interface RowFieldProps {
  readonly id: string;
  readonly label: string;
  /** The input, labelled by `id`. */
  readonly children: ComponentChildren;
  readonly button: ComponentChildren;
  readonly hint?: ComponentChildren;
  /** What is wrong with the entry; `alert` announces it at once. */
  readonly problem?: { readonly id: string; readonly text: string; readonly alert?: boolean } | undefined;
}

export function RowField({ id, label, children, button, hint, problem }: RowFieldProps) {
  return (
    <LabelledField id={id} label={label}>
      <div class="row">
        {children}
        {button}
      </div>
      {hint}
      {problem && (
        <p class="field-problem" id={problem.id} role={problem.alert ? 'alert' : undefined}>
          {problem.text}
        </p>
      )}
    </LabelledField>
  );
}
