/**
 * zxcvbn as configured for new passphrases: the weak passphrases once accepted ("aaaaaaaaaa", "1234567890") and their spaced
 * variants, the trade words, strong passphrases, the advice sentence, the word-list file's
 * format, and setup on first use rather than on import.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { adviceSentence, lazyPassphraseEstimator, TRADE_WORDS } from '@/utils/passphrase/passphrase-estimator';
import type { PassphraseEstimator } from '@/utils/passphrase/passphrase-strength';
import { parseZxcvbnWords, zxcvbnWordsFromPackages } from '@/utils/passphrase/passphrase-word-lists';
import { testPassphraseEstimator } from '../../support/passphrase-estimator';

let estimatePassphrase: PassphraseEstimator;
beforeAll(async () => {
  estimatePassphrase = await testPassphraseEstimator();
});

describe('estimatePassphrase', () => {
  it('scores the weak passphrases of the review 0, with zxcvbn advice', () => {
    const repeated = estimatePassphrase('aaaaaaaaaa');
    expect(repeated.score).toBe(0);
    expect(repeated.advice).toBe(
      'Repeated characters like "aaa" are easy to guess; add more words that are less common; avoid repeated words and characters.',
    );
    const digits = estimatePassphrase('1234567890');
    expect(digits.score).toBe(0);
    expect(digits.advice).toBe('This is a frequently used password; add more words that are less common.');
  });

  it('is not fooled by separators, which zxcvbn 4 alone prices as random characters', () => {
    for (const text of ['aaaaa aaaaa', '12345 67890', '1 2 3 4 5 6 7 8 9 0', '1-2-3-4-5-6-7-8-9-0', 'qwerty qwerty', 'password.password']) {
      expect(estimatePassphrase(text).score, text).toBeLessThan(3);
      expect(estimatePassphrase(text).advice, text).not.toBe('');
    }
  });

  it('keeps the product and trade words weak', () => {
    for (const text of ['aceachassist', 'ACE ACH Assist 2026', 'customs broker refund', 'customsbroker1', 'cbp refunds', 'Broker-Customs']) {
      const estimate = estimatePassphrase(text);
      expect(estimate.score, text).toBeLessThan(3);
      expect(estimate.advice, text).toMatch(/personal or page related data/);
    }
    expect(TRADE_WORDS).toEqual(expect.arrayContaining(['ace', 'ach', 'cbp', 'customs', 'broker', 'refund', 'aceachassist']));
  });

  it('scores common passwords under decoration low', () => {
    for (const text of ['password123', 'Password2026!', 'qwertyuiop', 'Summer2025', 'letmein!!!', 'abcdefghijklmnop', 'iloveyou2']) {
      expect(estimatePassphrase(text).score, text).toBeLessThan(3);
    }
  });

  it('scores a few unrelated words or a long random text 3 or more, with nothing to advise', () => {
    for (const text of ['correct horse battery staple', 'Granite-Lantern-Orbit-71', 'granite lantern orbit 71', 'Zq8!xR2#mK9$vL']) {
      const estimate = estimatePassphrase(text);
      expect(estimate.score, text).toBeGreaterThanOrEqual(3);
      expect(estimate.advice, text).toBe('');
    }
    expect(estimatePassphrase('correct horse battery staple').score).toBe(4);
  });

  it('grows with length', () => {
    expect(estimatePassphrase('lanternorbit').score).toBeLessThan(estimatePassphrase('lantern orbit granite tundra').score);
  });

  it('gives score 0 and no advice for nothing', () => {
    expect(estimatePassphrase('')).toEqual({ score: 0, advice: '' });
  });
});

describe('adviceSentence', () => {
  it('joins the warning and the suggestions into one sentence', () => {
    expect(adviceSentence({ feedback: { warning: 'Dates are easy to guess.', suggestions: ['Avoid recent years.', 'Add more words.'] } })).toBe(
      'Dates are easy to guess; avoid recent years; add more words.',
    );
    expect(adviceSentence({ feedback: { warning: null, suggestions: ['Add more words that are less common.'] } })).toBe(
      'Add more words that are less common.',
    );
    expect(adviceSentence({ feedback: { warning: '', suggestions: [] } })).toBe('');
  });
});

describe('the word-list file', () => {
  it('holds the packages’ lists and keyboard layouts, and reads back as written', async () => {
    const words = await zxcvbnWordsFromPackages();
    expect(Object.keys(words.dictionary)).toEqual(expect.arrayContaining(['passwords-common', 'commonWords-en', 'lastnames-en', 'wikipedia-en']));
    expect(words.dictionary['passwords-common']!.length).toBeGreaterThan(10_000);
    expect(Object.keys(words.graphs)).toEqual(expect.arrayContaining(['qwerty', 'dvorak', 'keypad']));
    expect(parseZxcvbnWords(JSON.stringify(words))).toEqual(words);
  });

  it('refuses a file that is not the lists', () => {
    expect(() => parseZxcvbnWords('{"dictionary":{"a":[1]},"graphs":{"qwerty":{}}}')).toThrow(/not zxcvbn's word lists/);
    expect(() => parseZxcvbnWords('{"dictionary":{},"graphs":{}}')).toThrow(/not zxcvbn's word lists/);
    expect(() => parseZxcvbnWords('null')).toThrow(/not zxcvbn's word lists/);
    expect(() => parseZxcvbnWords('<html>')).toThrow();
  });
});

describe('setup', () => {
  it('reads the word lists on the first estimate, once for every caller, not before', async () => {
    const readWords = vi.fn(zxcvbnWordsFromPackages);
    const load = lazyPassphraseEstimator(readWords);
    expect(readWords).not.toHaveBeenCalled();
    const [first, second] = await Promise.all([load(), load()]);
    expect(first).toBe(second);
    expect(readWords).toHaveBeenCalledTimes(1);
    expect(first('aaaaaaaaaa').score).toBe(0);
    expect(await load()).toBe(first);
    expect(readWords).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed read', async () => {
    const readWords = vi.fn(zxcvbnWordsFromPackages).mockRejectedValueOnce(new Error('no file'));
    const load = lazyPassphraseEstimator(readWords);
    await expect(load()).rejects.toThrow('no file');
    expect((await load())('1234567890').score).toBe(0);
    expect(readWords).toHaveBeenCalledTimes(2);
  });
});
