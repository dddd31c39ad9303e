/**
 * "Discard unsaved changes?" when the editor is left with changes: a small modal alert dialog
 * drawn in the page (window.confirm is unreliable in extension popups). Focus starts on the safe
 * choice, stays inside the dialog, and Escape keeps editing.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';

export function DiscardDialog({ onKeep, onDiscard }: { onKeep: () => void; onDiscard: () => void }) {
  const keep = useRef<HTMLButtonElement>(null);
  const discard = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => keep.current?.focus(), []);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onKeep();
    } else if (event.key === 'Tab') {
      event.preventDefault();
      (document.activeElement === keep.current ? discard : keep).current?.focus();
    }
  }

  return (
    <div class="dialog-backdrop">
      <div
        class="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="discard-title"
        aria-describedby="discard-text"
        onKeyDown={onKeyDown}
      >
        <h2 id="discard-title">Discard unsaved changes?</h2>
        <p id="discard-text">The changes you made to this profile have not been saved.</p>
        <div class="actions">
          <button type="button" ref={keep} class="primary" onClick={onKeep}>
            Keep editing
          </button>
          <button type="button" ref={discard} class="danger" onClick={onDiscard}>
            Discard changes
          </button>
        </div>
      </div>
    </div>
  );
}
