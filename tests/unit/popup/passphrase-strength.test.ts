/**
 * The rules for a new passphrase and the hint while typing, over the real zxcvbn estimator (and,
 * where a test pins one score, a stand-in that returns it).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  MIN_PASSPHRASE_LENGTH,
  MIN_PASSPHRASE_SCORE,
  assessPassphrase,
  newPassphraseProblem,
  newPassphraseRefusal,
  type PassphraseEstimator,
  type PassphraseScore,
} from '@/utils/passphrase/passphrase-strength';
import { testPassphraseEstimator } from '../../support/passphrase-estimator';

let estimatePassphrase: PassphraseEstimator;
beforeAll(async () => {
  estimatePassphrase = await testPassphraseEstimator();
});

const scoring =
  (score: PassphraseScore, advice = ''): PassphraseEstimator =>
  () => ({ score, advice });

describe('newPassphraseProblem', () => {
  it('refuses the weak passphrases of the review with zxcvbn advice', () => {
    expect(newPassphraseProblem('aaaaaaaaaa', 'aaaaaaaaaa', estimatePassphrase)).toBe(
      'This passphrase is too easy to guess. Repeated characters like "aaa" are easy to guess; add more words that are less common; avoid repeated words and characters.',
    );
    expect(newPassphraseProblem('1234567890', '1234567890', estimatePassphrase)).toBe(
      'This passphrase is too easy to guess. This is a frequently used password; add more words that are less common.',
    );
  });

  it('accepts a strong, confirmed passphrase', () => {
    expect(newPassphraseProblem('correct horse battery staple', 'correct horse battery staple', estimatePassphrase)).toBeUndefined();
    expect(newPassphraseProblem('Granite-Lantern-Orbit-71', 'Granite-Lantern-Orbit-71', estimatePassphrase)).toBeUndefined();
  });

  it('refuses scores under 3, whatever the length, and names the passphrase field', () => {
    expect(MIN_PASSPHRASE_SCORE).toBe(3);
    const long = 'x'.repeat(40);
    for (const score of [0, 1, 2] as const) {
      expect(newPassphraseRefusal(long, long, scoring(score, 'Add more words.'))).toEqual({
        field: 'passphrase',
        message: 'This passphrase is too easy to guess. Add more words.',
      });
    }
    expect(newPassphraseProblem(long, long, scoring(2))).toBe('This passphrase is too easy to guess. Add another unrelated word or two.');
    expect(newPassphraseProblem(long, long, scoring(3))).toBeUndefined();
    expect(newPassphraseProblem(long, long, scoring(4))).toBeUndefined();
  });

  it('refuses fewer than 10 characters, counting characters not UTF-16 units, before asking zxcvbn', () => {
    expect(MIN_PASSPHRASE_LENGTH).toBe(10);
    const never: PassphraseEstimator = () => {
      throw new Error('zxcvbn asked about a passphrase the length rule refuses');
    };
    expect(newPassphraseProblem('short', 'short', never)).toBe('The passphrase needs at least 10 characters; this one has 5.');
    expect(newPassphraseProblem('', '', never)).toMatch(/at least 10 characters/);
    expect(newPassphraseProblem('😀😀😀😀😀😀😀😀😀', '😀😀😀😀😀😀😀😀😀', never)).toBe(
      'The passphrase needs at least 10 characters; this one has 9.',
    );
    expect(newPassphraseProblem('😀'.repeat(10), '😀'.repeat(10), scoring(4))).toBeUndefined();
  });

  it('refuses a confirmation that differs, naming the confirmation field', () => {
    expect(newPassphraseRefusal('granite lantern orbit 71', 'granite lantern orbit 7', estimatePassphrase)).toEqual({
      field: 'confirmation',
      message: 'The two passphrases do not match; type the same passphrase in both fields.',
    });
  });

  it('refuses more than the protocol carries', () => {
    const long = 'x'.repeat(1025);
    expect(newPassphraseProblem(long, long, scoring(4))).toMatch(/1024/);
  });
});

describe('assessPassphrase', () => {
  it('maps zxcvbn scores to weak, fair, good and strong', () => {
    const long = 'granite lantern orbit';
    expect(assessPassphrase(long, scoring(0, 'Avoid dates.'))).toEqual({ strength: 'weak', hint: 'Too easy to guess. Avoid dates.' });
    expect(assessPassphrase(long, scoring(1))?.strength).toBe('weak');
    expect(assessPassphrase(long, scoring(2))).toEqual({ strength: 'fair', hint: 'Too easy to guess. Add another unrelated word or two.' });
    expect(assessPassphrase(long, scoring(3))).toEqual({ strength: 'good', hint: 'Good; one more unrelated word would make it strong.' });
    expect(assessPassphrase(long, scoring(4))).toEqual({ strength: 'strong', hint: 'Strong passphrase.' });
  });

  it('rates real passphrases with zxcvbn', () => {
    expect(assessPassphrase('correct horse battery staple', estimatePassphrase)?.strength).toBe('strong');
    expect(assessPassphrase('aaaaaaaaaa', estimatePassphrase)).toEqual({
      strength: 'weak',
      hint: 'Too easy to guess. Repeated characters like "aaa" are easy to guess; add more words that are less common; avoid repeated words and characters.',
    });
  });

  it('judges the length alone while zxcvbn is loading, and before 10 characters', () => {
    expect(assessPassphrase('')?.hint).toMatch(/at least 10 characters/);
    expect(assessPassphrase('Zq8!x')).toEqual({
      strength: 'weak',
      hint: 'Use at least 10 characters; a few unrelated words make a strong passphrase.',
    });
    expect(assessPassphrase('Zq8!x', scoring(4))?.strength).toBe('weak');
    expect(assessPassphrase('granite lantern orbit')).toBeUndefined();
  });
});
