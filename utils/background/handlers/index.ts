/**
 * Every request of the protocol, answered: the handler table the background hands to
 * handleRequest. Built from the services, so tests run the same handlers over fakes.
 */
import type { Handlers } from '@/utils/messaging/handle-request';
import type { BackgroundServices } from '../services';
import { directoryHandlers } from './directory';
import { enrollmentHandlers } from './enrollment';
import { eraseHandlers } from './erase';
import { fillHandlers, type FillDependencies } from './fill';
import { pageHandlers, type PageDependencies } from './page';
import { profileHandlers } from './profiles';
import { settingsHandlers } from './settings';
import { transferHandlers } from './transfer';
import { userActivityHandlers } from './user-activity';
import { assistantScriptHandlers } from './assistant-script';
import { vaultHandlers } from './vault';

export function createHandlers(
  services: BackgroundServices,
  page: PageDependencies,
  fill: Omit<ReturnType<typeof fillHandlers>, 'openPickerInTab'>,
): Handlers {
  return {
    ...fill,
    ...vaultHandlers(services),
    ...profileHandlers(services),
    ...transferHandlers(services),
    ...directoryHandlers(services),
    ...settingsHandlers(services),
    ...enrollmentHandlers(services),
    ...eraseHandlers(services),
    ...pageHandlers(services, page),
    ...userActivityHandlers(),
    ...assistantScriptHandlers(page.assistantScript),
  };
}
