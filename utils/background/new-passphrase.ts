/**
 * The background's own check of a passphrase it is asked to set (vault setup, change of
 * passphrase, an encrypted backup's): the screens' rules (utils/passphrase-strength.ts, zxcvbn
 * score 3 or more), applied again so a request that skipped the screens cannot set a weak one.
 * zxcvbn's word lists are read and zxcvbn set up on the first such request, not when the worker starts.
 */
import { RequestError } from '@/utils/messaging/request-error';
import { newPassphraseProblem } from '@/utils/passphrase/passphrase-strength';
import type { BackgroundServices } from './services';

export async function requireNewPassphrase({ passphraseEstimator }: Pick<BackgroundServices, 'passphraseEstimator'>, passphrase: string): Promise<void> {
  const problem = newPassphraseProblem(passphrase, passphrase, await passphraseEstimator());
  if (problem) throw new RequestError('bad-request', problem);
}
