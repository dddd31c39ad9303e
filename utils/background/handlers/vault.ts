/**
 * vault/* requests: status for the lock screen (and content scripts), setup, unlock, lock and
 * change of passphrase. New passphrases follow the popup's own rule, checked again here.
 */
import type { Handlers } from '@/utils/messaging/handle-request';
import { RequestError } from '@/utils/messaging/request-error';
import { newPassphraseProblem } from '@/utils/passphrase-strength';
import type { BackgroundServices } from '../services';
import { timed, UNLOCK_MEASURE } from '../timing';

type VaultHandlers = Pick<Handlers, 'vault/status' | 'vault/setup' | 'vault/unlock' | 'vault/lock' | 'vault/change-passphrase'>;

function requireNewPassphrase(passphrase: string): void {
  const problem = newPassphraseProblem(passphrase, passphrase);
  if (problem) throw new RequestError('bad-request', problem);
}

export function vaultHandlers({ vault }: BackgroundServices): VaultHandlers {
  return {
    'vault/status': () => vault.status(),
    'vault/setup': ({ passphrase }) => {
      requireNewPassphrase(passphrase);
      return vault.setup(passphrase);
    },
    'vault/unlock': ({ passphrase }) => timed(UNLOCK_MEASURE, () => vault.unlock(passphrase)),
    'vault/lock': () => vault.lock(),
    'vault/change-passphrase': async ({ current, next }) => {
      requireNewPassphrase(next);
      await vault.changePassphrase(current, next);
      return { done: true as const };
    },
  };
}
