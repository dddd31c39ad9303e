/**
 * The popup's one status message ("Deleted Acme Imports. Undo", "Saved …"), in a live region that
 * stays in the page across views so screen readers announce it. An offered Undo stays for
 * UNDO_MS, and the clock stops while the keyboard or the mouse is on the message.
 */
import { useEffect, useState } from 'preact/hooks';

export const UNDO_MS = 10_000;
export const PLAIN_TOAST_MS = 5_000;

export interface Toast {
  /** Tells two toasts with the same words apart, so the timer restarts. */
  readonly key: number;
  readonly message: string;
  readonly onUndo?: () => void;
}

export function StatusToast({ toast, onDismiss }: { toast: Toast | undefined; onDismiss: () => void }) {
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (!toast || paused) return;
    const timer = setTimeout(onDismiss, toast.onUndo ? UNDO_MS : PLAIN_TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast?.key, paused]);
  useEffect(() => setPaused(false), [toast?.key]);

  return (
    <div
      class={toast ? 'toast toast-visible' : 'toast'}
      role="status"
      onFocusIn={() => setPaused(true)}
      onFocusOut={() => setPaused(false)}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
    >
      {toast && (
        <>
          <span>{toast.message}</span>
          {toast.onUndo && (
            <button type="button" class="small" onClick={toast.onUndo}>
              Undo
            </button>
          )}
        </>
      )}
    </div>
  );
}
