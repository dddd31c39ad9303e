/**
 * The background's own check of a passphrase it is asked to set (vault setup, change of
 * passphrase, an encrypted backup's): the screens' rules (utils/passphrase-strength.ts, zxcvbn
 * score 3 or more, or the organization's higher minimum: managed-policy.ts), applied again so a
 * request that skipped the screens cannot set a weak one.
 * zxcvbn's word lists are read and zxcvbn set up on the first such request, not when the worker starts.
 */
import { RequestError } from '@/utils/messaging/request-error';
import { newPassphraseProblem } from '@/utils/passphrase/passphrase-strength';
import { minPassphraseScoreOf } from './managed-policy';
import type { BackgroundServices } from './services';

export async function requireNewPassphrase(
  { passphraseEstimator, managed }: Pick<BackgroundServices, 'passphraseEstimator' | 'managed'>,
  passphrase: string,
): Promise<void> {
  const minScore = minPassphraseScoreOf(await managed.policy());
  const problem = newPassphraseProblem(passphrase, passphrase, await passphraseEstimator(), minScore);
  if (problem) throw new RequestError('bad-request', problem);
}
