/**
 * A stand-in background for the status page tests: real protocol parsing (handleRequest with the
 * protocol's schemas) in front of a fake vault and enrollment list, and a record of what was sent,
 * downloaded and printed.
 */
import { vi } from 'vitest';
import type { StatusServices } from '@/components/status/status-services';
import type { EnrollmentRow } from '@/utils/enrollment/enrollment-status';
import { handleRequest, type Handlers } from '@/utils/messaging/handle-request';
import { RequestError } from '@/utils/messaging/request-error';
import type { DirectoryStatus } from '@/utils/messaging/shapes';
import { NOW_ISO } from './status-rows';

export const PASSPHRASE = 'correct horse battery staple 42';

export interface FakeStatusOptions {
  readonly rows: readonly EnrollmentRow[];
  readonly locked?: boolean;
  readonly directory?: DirectoryStatus | null;
  readonly reverifyDays?: number;
  /** No vault set up yet: the rows' request says "locked", as the background's does. */
  readonly noVault?: boolean;
  /** The rows' request never answers. */
  readonly listHangs?: boolean;
}

export function fakeStatusBackground({ rows, locked = false, directory = null, reverifyDays = 180, noVault = false, listHangs = false }: FakeStatusOptions) {
  let unlocked = !locked && !noVault;
  const sent: string[] = [];
  const handlers: Partial<Handlers> = {
    'vault/status': async () => ({ state: noVault ? 'new' : unlocked ? 'unlocked' : 'locked', autoLockMinutes: 15 }),
    'enrollment/list': async () => {
      if (listHangs) await new Promise(() => {});
      if (!unlocked) throw new RequestError('locked', 'The vault is locked. Unlock it with your passphrase first.');
      return { rows: [...rows], now: NOW_ISO, reverifyDays, directory };
    },
    'vault/unlock': async ({ passphrase }) => {
      if (passphrase !== PASSPHRASE) throw new RequestError('wrong-passphrase', 'That passphrase is not right.');
      unlocked = true;
      return { state: 'unlocked', autoLockMinutes: 15 };
    },
  };
  const transport = async (message: unknown) => {
    sent.push((message as { type: string }).type);
    return handleRequest(handlers, message, 'extension-page', (error) => {
      throw error;
    });
  };
  const download = vi.fn((_text: string, _fileName: string, _mimeType: string) => {});
  // What the page held when the print dialog opened.
  const printedRows: number[] = [];
  const print = vi.fn(() => {
    printedRows.push(document.querySelectorAll('#status-table tbody tr').length);
  });
  const services: StatusServices = { transport, download, print, now: () => new Date(2026, 2, 1, 9, 30) };
  return {
    services,
    sent,
    download,
    print,
    printedRows,
    unlockInBackground: () => (unlocked = true),
    lockInBackground: () => (unlocked = false),
  };
}
