/**
 * The profile picker's iframe on the ACE page: our extension page, placed below the field it was
 * opened from (above or beside it when there is no room), inside the assistant's closed shadow root so page
 * scripts cannot reach the frame element. It closes on the picker's own "close" message (checked
 * to come from that very frame), on Escape or a click elsewhere on the page; focus then goes back
 * where it was.
 */
import { isPickerCloseMessage } from '@/utils/messaging/picker-messages';
import { deepActiveElement } from './assistant-dialog';

export const PICKER_SIZE = { width: 380, height: 440 } as const;
const GAP = 6;
const REMOVE_DELAY_MS = 500;

export interface PickerFrame {
  readonly token: string;
  /** The frame element: the visibility gate watches it (a choice made in a hidden picker fills nothing). */
  readonly element: HTMLIFrameElement;
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

export interface PickerSpot {
  left: number;
  top: number;
  /** Less than PICKER_SIZE.height in a short viewport (a bank form in a small iframe). */
  height: number;
}

/** Shorter than this, a list is no use: the frame then overflows a tiny viewport instead. */
const MIN_HEIGHT = 220;

/**
 * Below the anchor when it fits, else above, else beside it (right, then left), so that the
 * frame never covers the field it fills; kept inside the viewport, shortened to fit a short one.
 */
export function pickerSpot(
  anchor: { left: number; top: number; right: number; bottom: number } | undefined,
  viewport: { width: number; height: number },
  size: { width: number; height: number } = PICKER_SIZE,
): PickerSpot {
  const height = Math.min(size.height, Math.max(MIN_HEIGHT, viewport.height - 2 * GAP));
  const clampTop = (top: number) => Math.max(0, Math.min(top, viewport.height - height));
  const clampLeft = (left: number) => Math.max(0, Math.min(left, viewport.width - size.width));
  if (!anchor) return { left: clampLeft(viewport.width - size.width - 16), top: clampTop(viewport.height - height - 16), height };
  const below = anchor.bottom + GAP;
  // Clamped all the same: an anchor scrolled out of view still gets a picker on screen.
  if (below + height <= viewport.height) return { left: clampLeft(anchor.left), top: clampTop(below), height };
  const above = anchor.top - GAP - height;
  if (above >= 0) return { left: clampLeft(anchor.left), top: above, height };
  const right = anchor.right + GAP;
  if (right + size.width <= viewport.width) return { left: right, top: clampTop(anchor.top), height };
  const left = anchor.left - GAP - size.width;
  if (left >= 0) return { left, top: clampTop(anchor.top), height };
  return { left: clampLeft(anchor.left), top: clampTop(below), height };
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
  frame.style.height = `${Math.round(spot.height)}px`;
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
  // Escape while the page (not the picker) has focus; a click anywhere else on the page. A click
  // within the frame's box counts as the picker's even when the page gets it: the browser may
  // still route the first clicks on a frame that has just appeared to the page below.
  doc.addEventListener('keydown', (event) => event.key === 'Escape' && close(true), { ...listen, capture: true });
  doc.addEventListener(
    'pointerdown',
    (event) => {
      const box = frame.getBoundingClientRect();
      const onFrame = event.clientX >= box.left && event.clientX < box.right && event.clientY >= box.top && event.clientY < box.bottom;
      if (!onFrame && !event.composedPath().includes(frame)) close(false);
    },
    { ...listen, capture: true },
  );
  frame.addEventListener('load', focus, listen);
  // The extension went away: nothing of ours stays on the page.
  signal.addEventListener('abort', () => frame.remove(), { once: true });
  container.append(frame);
  return { token: options.token, element: frame, close, focus };
}
