/**
 * Opens the popup page in a small window of its own: what the ACE page's "Unlock" button does
 * (page/open-unlock). An extension cannot open its toolbar popup for a page, and the passphrase
 * must be typed into our page, never into the ACE page. The browser APIs come in as arguments
 * (the service worker entry passes the real ones), so tests hand in fakes.
 */
import { RequestError } from '@/utils/messaging/request-error';

export const UNLOCK_WINDOW_SIZE = { width: 400, height: 640 } as const;

export interface UnlockWindowApis {
  /** runtime.getURL('/popup.html'). */
  readonly popupUrl: string;
  /** runtime.getURL('/confirm.html'): the other-importer question where the page cannot be trusted to show ours. */
  readonly confirmUrl?: string;
  /** Absent where the browser has no windows (Firefox for Android). */
  readonly windows?: {
    create(details: { url: string; type: 'popup'; width: number; height: number }): Promise<unknown>;
  };
  readonly tabs?: { create(details: { url: string }): Promise<unknown> };
}

const CANNOT_OPEN = "The unlock window could not be opened. Unlock the vault from the extension's toolbar button.";

export async function openUnlockWindow(apis: UnlockWindowApis | undefined): Promise<void> {
  await openExtensionWindow(apis, apis?.popupUrl, CANNOT_OPEN);
}

/** One of our pages (`url`) in a small window of its own; a tab where the browser has no windows. */
export async function openExtensionWindow(apis: UnlockWindowApis | undefined, url: string | undefined, cannot: string): Promise<void> {
  if (url === undefined) throw new RequestError('internal', cannot);
  if (apis?.windows?.create) {
    try {
      await apis.windows.create({ url, type: 'popup', ...UNLOCK_WINDOW_SIZE });
      return;
    } catch (error) {
      // A browser with the API but no separate windows (a mobile one) refuses: a tab will do.
      if (!apis.tabs?.create) throw error;
    }
  }
  if (apis?.tabs?.create) {
    await apis.tabs.create({ url });
    return;
  }
  throw new RequestError('internal', cannot);
}
