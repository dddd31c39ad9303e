/**
 * vault/* requests: status for the lock screen (and content scripts), setup, unlock, lock and
 * change of passphrase. New passphrases follow the popup's own rules (10 characters, zxcvbn score
 * 3 or more), checked again here so a caller that skips the screens cannot set a weak one.
 */
import type { Handlers } from '@/utils/messaging/handle-request';
import { requireNewPassphrase } from '../new-passphrase';
import type { BackgroundServices } from '../services';
import { timed, UNLOCK_MEASURE } from '../timing';

type VaultHandlers = Pick<Handlers, 'vault/status' | 'vault/setup' | 'vault/unlock' | 'vault/lock' | 'vault/change-passphrase'>;

export function vaultHandlers(services: BackgroundServices): VaultHandlers {
  const { vault } = services;
  return {
    'vault/status': () => vault.status(),
    'vault/setup': async ({ passphrase }) => {
      await requireNewPassphrase(services, passphrase);
      return vault.setup(passphrase);
    },
    'vault/unlock': ({ passphrase }) => timed(UNLOCK_MEASURE, () => vault.unlock(passphrase)),
    'vault/lock': () => vault.lock(),
    'vault/change-passphrase': async ({ current, next }) => {
      await requireNewPassphrase(services, next);
      await vault.changePassphrase(current, next);
      return { done: true as const };
    },
  };
}
