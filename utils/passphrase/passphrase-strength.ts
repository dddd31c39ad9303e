/**
 * The rules for a new passphrase (vault setup, change of passphrase, an encrypted backup's) and
 * the hint shown while one is typed. How guessable it is comes from zxcvbn
 * (utils/passphrase-estimator.ts), handed in as an estimator so the screens can load zxcvbn's
 * large word lists as a separate chunk; this module stays small and imports none of it.
 * Refused: under 10 characters, a zxcvbn score under 3 (with zxcvbn's advice as the message),
 * over 1024 characters, a confirmation that differs. The background applies the same rules.
 */

export type PassphraseScore = 0 | 1 | 2 | 3 | 4;

export interface PassphraseEstimate {
  /** zxcvbn's score: 0 too guessable, 1 very guessable, 2 somewhat guessable, 3 safely unguessable, 4 very unguessable. */
  readonly score: PassphraseScore;
  /** zxcvbn's warning and suggestions as one sentence; '' when it has none. */
  readonly advice: string;
}

export type PassphraseEstimator = (passphrase: string) => PassphraseEstimate;

export type PassphraseStrength = 'weak' | 'fair' | 'good' | 'strong';

export interface PassphraseAssessment {
  readonly strength: PassphraseStrength;
  /** One sentence telling the user what would make it better (or that it is fine). */
  readonly hint: string;
}

export const MIN_PASSPHRASE_LENGTH = 10;
/** The protocol's own limit on a passphrase. */
export const MAX_PASSPHRASE_LENGTH = 1024;
/** zxcvbn's "safely unguessable" (about 10^8 guesses or more): the least a new passphrase needs. */
export const MIN_PASSPHRASE_SCORE: PassphraseScore = 3;

const STRENGTH_OF_SCORE: Readonly<Record<PassphraseScore, PassphraseStrength>> = {
  0: 'weak',
  1: 'weak',
  2: 'fair',
  3: 'good',
  4: 'strong',
};

const HINTS = {
  empty: 'Choose at least 10 characters; a few unrelated words make a strong passphrase.',
  short: 'Use at least 10 characters; a few unrelated words make a strong passphrase.',
  guessable: 'Add another unrelated word or two.',
  good: 'Good; one more unrelated word would make it strong.',
  strong: 'Strong passphrase.',
} as const;

function characterCount(text: string): number {
  return Array.from(text).length;
}

export function strengthOfScore(score: PassphraseScore): PassphraseStrength {
  return STRENGTH_OF_SCORE[score];
}

/** The refusal for a passphrase zxcvbn scores under 3, with its advice. */
export function tooGuessableMessage(estimate: PassphraseEstimate): string {
  return `This passphrase is too easy to guess. ${estimate.advice || HINTS.guessable}`;
}

/**
 * The hint while typing. Without an estimator (zxcvbn still loading) only the length is judged.
 * Under 10 characters the length is the hint, whatever zxcvbn says.
 */
export function assessPassphrase(passphrase: string, estimate?: PassphraseEstimator): PassphraseAssessment | undefined {
  const text = typeof passphrase === 'string' ? passphrase : '';
  const length = characterCount(text);
  if (length === 0) return { strength: 'weak', hint: HINTS.empty };
  if (length < MIN_PASSPHRASE_LENGTH) return { strength: 'weak', hint: HINTS.short };
  if (!estimate) return undefined;
  const { score, advice } = estimate(text);
  const strength = strengthOfScore(score);
  if (score < MIN_PASSPHRASE_SCORE) return { strength, hint: `Too easy to guess. ${advice || HINTS.guessable}` };
  return { strength, hint: score === 4 ? HINTS.strong : HINTS.good };
}

export interface PassphraseRefusal {
  /** The field to fix: the passphrase itself, or its confirmation. */
  readonly field: 'passphrase' | 'confirmation';
  readonly message: string;
}

/** The refusal for a passphrase under an organization's higher minimum (managed settings). */
export function belowManagedMinimumMessage(estimate: PassphraseEstimate): string {
  return `Your organization requires a very hard to guess passphrase. ${estimate.advice || HINTS.guessable}`;
}

/**
 * Why a new passphrase cannot be used and which field to fix, or undefined when it can be used.
 * `minScore`: an organization may ask for more than the app's own 3 (managed settings), never less.
 */
export function newPassphraseRefusal(
  passphrase: string,
  confirmation: string,
  estimate: PassphraseEstimator,
  minScore: PassphraseScore = MIN_PASSPHRASE_SCORE,
): PassphraseRefusal | undefined {
  const refuse = (message: string): PassphraseRefusal => ({ field: 'passphrase', message });
  const length = characterCount(passphrase);
  if (length < MIN_PASSPHRASE_LENGTH) {
    return refuse(
      length === 0
        ? 'Choose a passphrase of at least 10 characters.'
        : `The passphrase needs at least 10 characters; this one has ${length}.`,
    );
  }
  if (passphrase.length > MAX_PASSPHRASE_LENGTH) return refuse('Keep the passphrase to 1024 characters or fewer.');
  const estimated = estimate(passphrase);
  if (estimated.score < MIN_PASSPHRASE_SCORE) return refuse(tooGuessableMessage(estimated));
  if (estimated.score < minScore) return refuse(belowManagedMinimumMessage(estimated));
  if (passphrase !== confirmation) {
    return { field: 'confirmation', message: 'The two passphrases do not match; type the same passphrase in both fields.' };
  }
  return undefined;
}

/** Why a new passphrase cannot be used, or undefined when it can. */
export function newPassphraseProblem(
  passphrase: string,
  confirmation: string,
  estimate: PassphraseEstimator,
  minScore: PassphraseScore = MIN_PASSPHRASE_SCORE,
): string | undefined {
  return newPassphraseRefusal(passphrase, confirmation, estimate, minScore)?.message;
}
