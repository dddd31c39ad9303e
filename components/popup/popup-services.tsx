/**
 * What the popup needs from the outside world, injected so tests can hand in a fake background:
 * the message transport to the background, opening the options and status pages, and the clock. Views call
 * the background through `useRequest`, which also notices when the vault locked itself (auto-lock
 * while the popup was open) and sends the whole popup back to the unlock screen.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { RequestOf, RequestType, ResponseOf } from '@/utils/messaging/protocol';
import { RequestError } from '@/utils/messaging/request-error';
import type { Transport } from '@/utils/messaging/send-request';
import type { PassphraseEstimator } from '@/utils/passphrase/passphrase-strength';

export interface PopupServices {
  readonly transport: Transport;
  readonly openOptions: () => void;
  /** Opens the enrollment status page (status.html) in a tab. */
  readonly openStatus?: () => void;
  /** Closes the popup (after "Fill this page" opened the picker on the page). */
  readonly closePopup?: () => void;
  /** The keys of the fill shortcut as the user has them now (commands.getAll); none when unset. */
  readonly fillShortcut?: () => Promise<string | undefined>;
  /** Timestamps for saved profiles; tests fix it. */
  readonly now?: () => Date;
  /** zxcvbn for a new passphrase; absent, loaded from the extension's own files (tests hand one in). */
  readonly passphraseEstimator?: () => Promise<PassphraseEstimator>;
}

export type Request = <T extends RequestType>(type: T, payload: RequestOf<T>) => Promise<ResponseOf<T>>;

export interface PopupContextValue {
  readonly services: PopupServices;
  readonly request: Request;
}

export const PopupContext = createContext<PopupContextValue | null>(null);

function usePopupContext(): PopupContextValue {
  const value = useContext(PopupContext);
  if (!value) throw new Error('Popup views must be rendered inside PopupApp.');
  return value;
}

export function useRequest(): Request {
  return usePopupContext().request;
}

export function useServices(): PopupServices {
  return usePopupContext().services;
}

/** The user-facing words of whatever a request threw. */
export function errorMessage(error: unknown): string {
  if (error instanceof RequestError) return error.message;
  return 'Something went wrong in the extension. Close the popup and try again.';
}
