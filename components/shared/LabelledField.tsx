/**
 * One field of a form in the popup, options page or picker: its label tied to the control by
 * `for` (so a click on the words focuses it and a screen reader names it), then the control and
 * whatever goes under it (hints, messages, progress text).
 */
import type { ComponentChildren } from 'preact';

export function LabelledField({ id, label, children }: { readonly id: string; readonly label: string; readonly children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
    </div>
  );
}
