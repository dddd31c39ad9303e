/**
 * Reads an account number as the ACE page shows it on file, usually masked to its last digits
 * ("*****6789", "XXXX6789", "•••• 6789", "●●●●6789", "…6789", "ending in 6789"), and compares
 * it with a full number: by its last 4 digits at most when masked, as a whole when not.
 *
 * The page's scripts can rewrite that text and watch the verdict. Comparing a masked value by
 * every digit it shows would let them guess the number one digit at a time from its end; by 4
 * at most, they learn no more than CBP itself shows.
 */
export interface MaskedAccount {
  /** The digits the page shows, in order (the unmasked tail when masked). */
  readonly visibleDigits: string;
  /** True when nothing is masked: the page shows the whole number. */
  readonly complete: boolean;
  /** How many characters are masked, when the page says. */
  readonly maskedCount: number;
}

/** Stars, bullets (•, ●, ∗, full-width ＊), X, #, middle dots, ellipses and dots. */
const MASK_CHARACTERS = /[*•●∗＊xX#·….]/g;
const MASKED_TAIL = /^[*•●∗＊xX#·….]*\d+$/;
/** "ending in 6789", "Ends with: 6789". */
const ENDING_WORDS = /^(?:account\s+)?end(?:ing|s)(?:\s+(?:in|with))?\s*:?\s*/i;

export function readMaskedAccount(text: string): MaskedAccount | undefined {
  const words = text.trim().replace(ENDING_WORDS, (found) => (found ? '*' : ''));
  const compact = words.replace(/[\s-]/g, '');
  if (!MASKED_TAIL.test(compact)) return undefined;
  const visibleDigits = compact.replace(MASK_CHARACTERS, '');
  const maskedCount = compact.length - visibleDigits.length;
  return { visibleDigits, complete: maskedCount === 0, maskedCount };
}

export type MaskedComparison = 'match' | 'mismatch' | 'unknown';

/** What CBP shows of an account on file; a masked value showing more is not compared. */
export const MAX_MASKED_DIGITS = 4;

/** Compares a full account number with what the page shows, masked or not. */
export function compareWithMaskedAccount(account: string, shown: MaskedAccount): MaskedComparison {
  if (shown.visibleDigits.length === 0) return 'unknown';
  if (shown.complete) return account === shown.visibleDigits ? 'match' : 'mismatch';
  // A partly masked value showing more than CBP does is not what CBP shows: the page made it.
  if (shown.visibleDigits.length > MAX_MASKED_DIGITS) return 'unknown';
  // Masks rarely keep the hidden part's length (ACE shows a fixed row of stars), so only the
  // visible digits count.
  return account.endsWith(shown.visibleDigits) ? 'match' : 'mismatch';
}
