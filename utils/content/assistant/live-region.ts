/**
 * What the assistant says to screen readers: a polite live region in our closed root, cleared
 * first so the same words are announced again when they come back.
 */
const ANNOUNCE_DELAY_MS = 50;

export interface LiveRegion {
  readonly element: HTMLElement;
  announce(text: string): void;
}

export function createLiveRegion(doc: Document, setTimer: (callback: () => void, ms: number) => unknown): LiveRegion {
  const element = doc.createElement('div');
  element.className = 'visually-hidden';
  element.setAttribute('role', 'status');
  element.setAttribute('aria-live', 'polite');
  return {
    element,
    announce(text) {
      element.textContent = '';
      setTimer(() => (element.textContent = text), ANNOUNCE_DELAY_MS);
    },
  };
}
