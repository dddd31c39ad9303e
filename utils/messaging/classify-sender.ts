/**
 * Who sent a runtime message, from what the browser reports about the sender: one of our own
 * extension pages, a content script in an ACE page over https, or anyone else. Pure, so the
 * rule is tested without a browser.
 */
import { isAceUrl } from '@/utils/ace-hosts';
import type { SenderKind } from './handle-request';

export interface SenderFacts {
  /** The sending extension's id (the browser fills it in). */
  id?: string;
  /** URL of the sending page or frame. */
  url?: string;
  /** Present when the message comes from a tab, i.e. a content script. */
  tab?: unknown;
  /** The sending frame's own origin, where the browser reports it: "null" for a sandboxed frame. */
  origin?: string;
  /** 0 for a tab's top frame. */
  frameId?: number;
  /** The sending document (Chrome 106+): a frame that navigated is another document. */
  documentId?: string;
}

export function classifySender(
  sender: SenderFacts,
  ownId: string,
  ownOrigin: string,
  extraAceHosts: readonly string[] = [],
): SenderKind {
  if (sender.id !== ownId || !sender.url) return 'other';
  if (!sender.tab && sender.url.startsWith(ownOrigin)) return 'extension-page';
  // An extension page opened in a tab (options in a tab) has a tab too.
  if (sender.tab && sender.url.startsWith(ownOrigin)) return 'extension-page';
  if (sender.tab && isAceUrl(sender.url, extraAceHosts)) return 'ace-content-script';
  return 'other';
}
