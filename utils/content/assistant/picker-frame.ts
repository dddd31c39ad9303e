/**
 * The profile picker's iframe on the ACE page: our extension page, placed below the field it was
 * opened from (above it when there is no room), inside the assistant's closed shadow root so page
 * scripts cannot reach the frame element. It closes on the picker's own "close" message (checked
 * to come from that very frame), on Escape or a click elsewhere on the page; focus then goes back
 * where it was.
 */
import { isPickerCloseMessage } from '@/utils/picker-messages';
import { deepActiveElement } from './assistant-dialog';

export const PICKER_SIZE = { width: 380, height: 440 } as const;
const GAP = 6;
const REMOVE_DELAY_MS = 500;

export interface PickerFrame {
  readonly token: string;
  /** Removes the frame; `restoreFocus` for a close the user asked for. */
  close(restoreFocus: boolean): void;
  focus(): void;
}

export interface PickerFrameOptions {
  readonly doc: Document;
  readonly container: HTMLElement;
  readonly url: string;
  readonly token: string;
  /** The field it belongs to; absent, it opens in the corner above the status card. */
  readonly anchor?: Element;
  /** Where focus goes back when the picker closes; else what had it when it opened. */
  readonly opener?: HTMLElement;
  readonly signal: AbortSignal;
  /** The content script context's timer. */
  readonly setTimeout: (callback: () => void, ms: number) => unknown;
  readonly onClosed: () => void;
}

/** Below the anchor when it fits, else above, kept inside the viewport. */
export function pickerSpot(
  anchor: { left: number; top: number; bottom: number } | undefined,
  viewport: { width: number; height: number },
  size: { width: number; height: number } = PICKER_SIZE,
): { left: number; top: number } {
  if (!anchor) return { left: Math.max(0, viewport.width - size.width - 16), top: Math.max(0, viewport.height - size.height - 16) };
  const left = Math.min(Math.max(0, anchor.left), Math.max(0, viewport.width - size.width));
  const below = anchor.bottom + GAP;
  const above = anchor.top - GAP - size.height;
  const top = below + size.height <= viewport.height || above < 0 ? below : above;
  return { left, top: Math.max(0, Math.min(top, Math.max(0, viewport.height - size.height))) };
}

export function openPickerFrame(options: PickerFrameOptions): PickerFrame {
  const { doc, container, signal } = options;
  const view = doc.defaultView!;
  const previous = options.opener ?? deepActiveElement(doc);
  const frame = doc.createElement('iframe');
  frame.className = 'picker';
  frame.title = 'ACE ACH Assist: choose a bank profile';
  frame.src = options.url;
  const rect = options.anchor?.getBoundingClientRect();
  const spot = pickerSpot(rect, { width: view.innerWidth, height: view.innerHeight });
  frame.style.left = `${Math.round(spot.left)}px`;
  frame.style.top = `${Math.round(spot.top)}px`;
  frame.style.width = `${PICKER_SIZE.width}px`;
  frame.style.height = `${PICKER_SIZE.height}px`;
  const controller = new AbortController();
  const listen = { signal: AbortSignal.any([signal, controller.signal]) };
  let open = true;

  function close(restoreFocus: boolean) {
    if (!open) return;
    open = false;
    controller.abort();
    // Hidden at once, removed a moment later: the click that chose a profile is still being
    // delivered to the frame, and removing a frame under an unfinished input event can leave
    // the browser's input pipeline waiting on it.
    frame.style.visibility = 'hidden';
    frame.tabIndex = -1;
    options.setTimeout(() => frame.remove(), REMOVE_DELAY_MS);
    if (restoreFocus && previous?.isConnected) previous.focus({ preventScroll: true });
    options.onClosed();
  }

  const focus = () => {
    frame.focus();
    frame.contentWindow?.focus();
  };

  view.addEventListener(
    'message',
    (event) => {
      if (event.source === frame.contentWindow && isPickerCloseMessage(event.data)) close(true);
    },
    listen,
  );
  // Escape while the page (not the picker) has focus; a click anywhere else on the page.
  doc.addEventListener('keydown', (event) => event.key === 'Escape' && close(true), { ...listen, capture: true });
  doc.addEventListener('pointerdown', (event) => !event.composedPath().includes(frame) && close(false), { ...listen, capture: true });
  frame.addEventListener('load', focus, listen);
  // The extension went away: nothing of ours stays on the page.
  signal.addEventListener('abort', () => frame.remove(), { once: true });
  container.append(frame);
  return { token: options.token, close, focus };
}
