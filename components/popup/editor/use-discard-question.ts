/**
 * Leaving the editor: at once when nothing changed, else after "Discard unsaved changes?". When
 * the user keeps editing, the focus goes back to where it was (to `fallback`, the heading, if
 * that element is gone) once the dialog is gone and the form is no longer inert.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';

export interface DiscardQuestion {
  readonly asking: boolean;
  readonly requestClose: () => void;
  readonly keepEditing: () => void;
}

export function useDiscardQuestion(dirty: boolean, onClose: () => void, fallback: RefObject<HTMLElement | null>): DiscardQuestion {
  const [asking, setAsking] = useState(false);
  const focusBefore = useRef<HTMLElement | null>(null);

  useLayoutEffect(() => {
    if (asking || !focusBefore.current) return;
    const target = focusBefore.current.isConnected ? focusBefore.current : fallback.current;
    focusBefore.current = null;
    target?.focus();
  }, [asking]);

  return {
    asking,
    requestClose: () => {
      if (!dirty) return onClose();
      focusBefore.current = document.activeElement instanceof HTMLElement ? document.activeElement : fallback.current;
      setAsking(true);
    },
    keepEditing: () => setAsking(false),
  };
}
