/**
 * Which requests say that the user is there, so that auto-lock waits. Pure, so the rule is
 * tested on its own.
 *
 * An ACE page's own scripts can make the content script send almost anything at will (synthetic
 * `input` events and DOM changes make it compare, look up, report the importer), so a content
 * script's request never counts by itself: only page/user-activity does, which the content script
 * sends for the user's own (trusted) key presses, pastes and clicks on the bank fields and on our
 * UI (utils/content/assistant/user-activity.ts). Our extension pages (popup, options, picker)
 * count as the user's, except the requests they send on their own (vault/status on every open,
 * the page/* reports).
 */
import type { SenderKind } from '@/utils/messaging/handle-request';
import type { RequestType } from '@/utils/messaging/protocol';

const NOT_FROM_THE_USER: ReadonlySet<RequestType> = new Set(['vault/status', 'page/importer', 'page/form', 'page/assistant', 'page/settings']);

export function countsAsUserActivity(type: RequestType, sender: SenderKind): boolean {
  if (type === 'page/user-activity') return sender !== 'other';
  return sender === 'extension-page' && !NOT_FROM_THE_USER.has(type);
}
