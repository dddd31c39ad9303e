/**
 * How the popup shows an account number it is not revealing: four bullets and the last four
 * digits ("•••• 6789"), the way bank statements print them, so a glance or a screenshot never
 * carries the whole number.
 */

export const MASK_BULLETS = '••••';
export const VISIBLE_ACCOUNT_DIGITS = 4;

/** The last `count` ASCII digits of an entry, ignoring spaces, hyphens and anything else. */
export function visibleLastDigits(account: string, count: number = VISIBLE_ACCOUNT_DIGITS): string {
  const digits = typeof account === 'string' ? account.replace(/[^0-9]/g, '') : '';
  return count <= 0 ? '' : digits.slice(-count);
}

/**
 * "•••• 6789" for a full number or for the last four digits the list already has. A number too
 * short to hide four digits behind shows bullets only: printing most of it would defeat the mask.
 */
export function maskAccount(account: string): string {
  const digits = typeof account === 'string' ? account.replace(/[^0-9]/g, '') : '';
  if (digits.length < VISIBLE_ACCOUNT_DIGITS) return MASK_BULLETS;
  return `${MASK_BULLETS} ${digits.slice(-VISIBLE_ACCOUNT_DIGITS)}`;
}

/** Words for screen readers, which would otherwise read every bullet: "ending 6789". */
export function spokenAccountMask(account: string): string {
  const last = visibleLastDigits(account);
  return last.length === VISIBLE_ACCOUNT_DIGITS ? `ending ${last}` : 'hidden';
}
