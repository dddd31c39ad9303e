/**
 * settings/* and activity/list. Extra hosts must be CBP hosts the optional host permissions
 * cover; after a change the content script registration follows the new list. The settings
 * service refuses changes to what the organization manages (managed-settings.ts).
 */
import type { Handlers } from '@/utils/messaging/handle-request';
import { RequestError } from '@/utils/messaging/request-error';
import { listActivity } from '../activity-log';
import { checkExtraHosts } from '../extra-hosts';
import type { BackgroundServices } from '../services';

type SettingsHandlers = Pick<Handlers, 'settings/get' | 'settings/set' | 'settings/managed' | 'activity/list'>;

export function settingsHandlers(services: BackgroundServices): SettingsHandlers {
  const { settings } = services;
  return {
    'settings/get': () => settings.get(),

    'settings/set': async (changes) => {
      const next = { ...changes };
      if (changes.extraHosts) {
        const hosts = checkExtraHosts(changes.extraHosts);
        if (!hosts.ok) {
          throw new RequestError(
            'bad-request',
            `Only ACE Portal hosts under cbp.gov or cbp.dhs.gov can be added, such as ace-test.cbp.gov; ` +
              `not ${hosts.rejected.map((host) => `“${host}”`).join(', ')}.`,
          );
        }
        next.extraHosts = hosts.hosts;
      }
      const saved = await settings.set(next);
      if (changes.extraHosts) await services.syncExtraHosts(saved.extraHosts);
      return saved;
    },

    'settings/managed': () => services.managed.policy(),

    'activity/list': async () => ({ entries: await listActivity(await services.database()) }),
  };
}
