/**
 * The real zxcvbn estimator for unit tests, over the word lists as the packages export them
 * (the extension reads the same lists from the file its build writes, which tests cannot fetch).
 * Set up once per test file, on first use.
 */
import { lazyPassphraseEstimator } from '@/utils/passphrase/passphrase-estimator';
import { zxcvbnWordsFromPackages } from '@/utils/passphrase/passphrase-word-lists';

export const testPassphraseEstimator = lazyPassphraseEstimator(zxcvbnWordsFromPackages);
