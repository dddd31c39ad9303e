/**
 * How guessable a new passphrase is, by zxcvbn (zxcvbn-ts 4): a score from 0 (too guessable) to
 * 4 (very unguessable) and zxcvbn's own advice as one sentence. Serves the first-run and
 * change-passphrase screens (loaded as a separate chunk) and the background, which refuses a
 * weak passphrase whoever sends it. zxcvbn is set up on first use, not on import: reading its
 * word lists and building its ranked dictionaries takes a few hundred milliseconds.
 */
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
// Only the English texts of its advice; the package's word lists come from ZXCVBN_WORDS_FILE.
import { translations } from '@zxcvbn-ts/language-en';
import type { ZxcvbnWords } from './passphrase-word-lists';
import type { PassphraseEstimate, PassphraseEstimator, PassphraseScore } from './passphrase-strength';

/**
 * Words anyone guessing an ACE ACH Assist user's passphrase tries first: the product, the
 * portal, the agency and the trade. Ranked first to last, as zxcvbn ranks a dictionary. They go
 * in as zxcvbn's user inputs, so a passphrase made of them is weak and says so.
 */
export const TRADE_WORDS: readonly string[] = [
  'ace', 'ach', 'cbp', 'customs', 'broker', 'refund', 'refunds', 'importer', 'import', 'assist',
  'aceachassist', 'ace ach assist', 'achassist', 'aceportal', 'portal', 'customsbroker', 'bank',
  'account', 'routing', 'fedach', 'duty', 'duties', 'tariff', 'tariffs', 'drawback', 'ieepa',
  'border', 'protection', 'passphrase', 'vault', 'trade', 'export', 'exporter',
];

/**
 * zxcvbn 4 recognises only the first of several separators (spaces, hyphens...), so the words
 * after it are priced as random characters: "aaaaa aaaaa", "12345 67890" and "1 2 3 4 5 6 7 8 9 0"
 * come out strong as typed. The text is also estimated without its separators, and the weaker
 * of the two estimates counts. These are zxcvbn's own separator characters.
 */
const SEPARATORS = /[ ,;:|/\\_.\-\s]+/g;

function configure({ dictionary, graphs }: ZxcvbnWords): ZxcvbnFactory {
  return new ZxcvbnFactory({
    translations,
    graphs,
    // The name holds "userInputs": zxcvbn then warns that the text is about the page or the user.
    dictionary: { ...dictionary, 'userInputs-trade': [...TRADE_WORDS] },
    // Levenshtein matching (near misses of common passwords) is left off: it made one estimate
    // take seconds, too slow to follow typing.
  });
}

/** zxcvbn's warning and suggestions as one sentence, or '' when it has nothing to say. */
export function adviceSentence(result: Pick<ZxcvbnResult, 'feedback'>): string {
  const parts = [result.feedback.warning ?? '', ...result.feedback.suggestions]
    .map((part) => part.trim().replace(/\.$/, ''))
    .filter((part) => part.length > 0)
    .map((part, index) => (index === 0 ? part : part.charAt(0).toLowerCase() + part.slice(1)));
  return parts.length === 0 ? '' : `${parts.join('; ')}.`;
}

/** An estimator over the given word lists; zxcvbn is set up here, once. */
export function createPassphraseEstimator(words: ZxcvbnWords): PassphraseEstimator {
  const zxcvbn = configure(words);
  return (passphrase) => {
    const text = typeof passphrase === 'string' ? passphrase : '';
    if (text.length === 0) return { score: 0, advice: '' };
    let weakest = zxcvbn.check(text);
    const joined = text.replace(SEPARATORS, '');
    if (joined.length > 0 && joined !== text) {
      const unseparated = zxcvbn.check(joined);
      if (unseparated.guesses < weakest.guesses) weakest = unseparated;
    }
    return { score: weakest.score as PassphraseScore, advice: adviceSentence(weakest) };
  };
}

/**
 * The estimator, its word lists read and zxcvbn set up on the first call only; callers share the
 * one set-up. A failed read is tried again by the next call.
 */
export function lazyPassphraseEstimator(readWords: () => Promise<ZxcvbnWords>): () => Promise<PassphraseEstimator> {
  let ready: Promise<PassphraseEstimator> | undefined;
  return () => {
    ready ??= readWords().then(createPassphraseEstimator, (error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };
}
