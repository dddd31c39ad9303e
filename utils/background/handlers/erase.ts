/**
 * data/erase: the options page's "Erase all data". Locks the vault, empties the database and
 * every storage area of the extension, drops what the services hold in memory and unregisters
 * the extra hosts' content script, leaving the extension as freshly installed. Only the options
 * page may ask (the protocol already refuses content scripts; the picker and the popup, also
 * extension pages, offer no such thing), and only with the typed confirmation word.
 */
import type { Handlers } from '@/utils/messaging/handle-request';
import { RequestError } from '@/utils/messaging/request-error';
import { eraseDatabase } from '../erase-database';
import type { BackgroundServices } from '../services';

type EraseHandlers = Pick<Handlers, 'data/erase'>;

/** The options page's path; the sender check has already found the URL to be one of ours. */
export function isOptionsPage(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return new URL(url).pathname === '/options.html';
  } catch {
    return false;
  }
}

export function eraseHandlers(services: BackgroundServices): EraseHandlers {
  return {
    'data/erase': async (_payload, _sender, senderInfo) => {
      if (!isOptionsPage(senderInfo.url)) throw new RequestError('forbidden', 'Erase all data from the options page.');
      await services.vault.erase(() =>
        services.profileWrites(async () => {
          await eraseDatabase(await services.database());
          services.profiles.forget();
          services.directory.forget();
          services.enrollment.forget();
          services.settings.forget();
          services.importPlans.clear();
          await services.eraseExtensionStorage();
        }),
      );
      await services.syncExtraHosts([]);
      return { done: true as const };
    },
  };
}
