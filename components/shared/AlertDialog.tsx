/**
 * A small modal question drawn in the page (window.confirm is unreliable in extension popups):
 * a safe choice and a risky one. Focus starts on the safe choice and stays inside the dialog;
 * Escape takes the safe choice.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';

export interface AlertDialogProps {
  /** Prefix of the title's and text's ids, which name and describe the dialog. */
  readonly id: string;
  readonly title: string;
  readonly text: string;
  /** Focused first; also what Escape does. */
  readonly safe: { readonly label: string; readonly onChoose: () => void };
  readonly risky: { readonly label: string; readonly onChoose: () => void };
}

export function AlertDialog({ id, title, text, safe, risky }: AlertDialogProps) {
  const safeButton = useRef<HTMLButtonElement>(null);
  const riskyButton = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => safeButton.current?.focus(), []);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      safe.onChoose();
    } else if (event.key === 'Tab') {
      event.preventDefault();
      (document.activeElement === safeButton.current ? riskyButton : safeButton).current?.focus();
    }
  }

  return (
    <div class="dialog-backdrop">
      <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} onKeyDown={onKeyDown}>
        <h2 id={`${id}-title`}>{title}</h2>
        <p id={`${id}-text`}>{text}</p>
        <div class="actions">
          <button type="button" ref={safeButton} class="primary" onClick={safe.onChoose}>
            {safe.label}
          </button>
          <button type="button" ref={riskyButton} class="danger" onClick={risky.onChoose}>
            {risky.label}
          </button>
        </div>
      </div>
    </div>
  );
}
