/**
 * Adapter over browser.permissions for the extra ACE hosts, so the options page's tests fake it.
 * `request` must be called straight from a click or submit handler: browsers grant host
 * permissions only during a user gesture.
 */
import { browser } from 'wxt/browser';

export interface HostPermissions {
  request(origins: string[]): Promise<boolean>;
  remove(origins: string[]): Promise<boolean>;
}

export const browserHostPermissions: HostPermissions = {
  request: (origins) => browser.permissions.request({ origins }),
  remove: (origins) => browser.permissions.remove({ origins }),
};
