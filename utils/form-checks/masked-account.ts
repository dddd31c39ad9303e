/**
 * Reads an account number as the ACE page shows it on file, usually masked to its last digits
 * ("*****6789", "XXXX6789", "•••• 6789", "●●●●6789", "…6789", "ending in 6789"), and compares
 * it with a full number as far as the visible digits allow.
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

/** Compares a full account number with what the page shows, masked or not. */
export function compareWithMaskedAccount(account: string, shown: MaskedAccount): MaskedComparison {
  if (shown.visibleDigits.length === 0) return 'unknown';
  if (shown.complete) return account === shown.visibleDigits ? 'match' : 'mismatch';
  // Masks rarely keep the hidden part's length (ACE shows a fixed row of stars), so only the
  // visible digits count.
  return account.endsWith(shown.visibleDigits) ? 'match' : 'mismatch';
}
