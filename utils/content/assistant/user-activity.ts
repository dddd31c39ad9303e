/**
 * Tells the background that the user is at work on the ACE page, so that auto-lock waits: the
 * user's own key presses, pastes and pointer presses on a recognised bank field or on our UI.
 * Only trusted events count (`isTrusted`: made by the browser from real input, never by a page
 * script's dispatchEvent or click()); `input` is not listened to, since a page script's
 * document.execCommand('insertText') makes a trusted one, nor `focus`, which focus() makes
 * trusted too. At most one page/user-activity every ACTIVITY_REPORT_MS: the first at once, the
 * last of a burst when its time comes, so auto-lock counts from the user's last action.
 */
import { sendContentRequest } from '@/utils/messaging/content-replies';
import type { Transport } from '@/utils/messaging/send-request';
import { createRootListeners } from './listen-in-roots';

export const ACTIVITY_REPORT_MS = 20_000;
const ACTIVITY_EVENTS = ['keydown', 'paste', 'pointerdown'];

export interface UserActivityOptions {
  readonly doc: Document;
  readonly signal: AbortSignal;
  readonly transport: Transport;
  /** The content script context's timer (it ends with the context). */
  readonly setTimeout: (callback: () => void, ms: number) => unknown;
  /** Whether the event (seen where it was heard) is on a recognised field or our UI. */
  readonly isOurs: (event: Event) => boolean;
  readonly now?: () => number;
}

export interface UserActivity {
  /** Listens in the shadow roots around these fields too (a closed root's events reach the document retargeted). */
  follow(elements: Iterable<Element>): void;
}

export function startUserActivityReports(options: UserActivityOptions): UserActivity {
  const { signal } = options;
  const now = options.now ?? (() => Date.now());
  let lastSent = -Infinity;
  let pending = false;
  let waiting = false;

  const send = () => {
    lastSent = now();
    pending = false;
    void sendContentRequest(options.transport, 'page/user-activity', {}).catch(() => {});
  };
  const sendPending = () => {
    waiting = false;
    if (pending && !signal.aborted) send();
  };

  const onEvent = (event: Event) => {
    if (event.isTrusted !== true || signal.aborted || !options.isOurs(event)) return;
    const wait = lastSent + ACTIVITY_REPORT_MS - now();
    if (wait <= 0) return send();
    pending = true;
    if (waiting) return;
    waiting = true;
    options.setTimeout(sendPending, wait);
  };

  for (const type of ACTIVITY_EVENTS) options.doc.addEventListener(type, onEvent, { capture: true, signal });
  return createRootListeners(signal, ACTIVITY_EVENTS, onEvent);
}
