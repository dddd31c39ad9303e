/**
 * How much of an account number stays readable without the vault key.
 *
 * Decision: the list shows "•••• 6789" and search finds a profile by its last digits without
 * decrypting 5,000 records, so the last digits are stored in clear next to the ciphertext; the
 * rest of the number exists only encrypted. That is the disclosure the ACE page itself makes (it
 * shows only the last digits on file), and what statements print. So that the clear part never
 * becomes most of a short number, at least 4 digits always stay encrypted: an account of 8
 * digits or more keeps its last 4 in clear, a 7-digit one its last 3, ... a 4-digit one none.
 */

export const SHOWN_DIGITS = 4;
export const ALWAYS_HIDDEN_DIGITS = 4;

export function clearLastDigits(accountNumber: string): string {
  const shown = Math.max(0, Math.min(SHOWN_DIGITS, accountNumber.length - ALWAYS_HIDDEN_DIGITS));
  return shown === 0 ? '' : accountNumber.slice(-shown);
}
