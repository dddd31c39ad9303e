/**
 * First field classifier of the skeleton: names a bank field from the words that label it.
 * Pure, so it is tested without a DOM. The full detector of a later issue replaces it.
 */
export type MarkedFieldKind = 'routing' | 'account';

const CONFIRM_WORDS = /\b(confirm|re-?enter|retype|repeat|verify)\b/i;
const ROUTING_WORDS = /\b(routing|aba|rtn|transit|bank key)\b/i;
const ACCOUNT_WORDS = /\b(bank account|account (number|no\.?|#)|acct\.? (number|no\.?|#))/i;

export function classifyFieldLabel(labelText: string): MarkedFieldKind | null {
  const text = labelText.replace(/\s+/g, ' ').trim();
  if (!text || CONFIRM_WORDS.test(text)) return null;
  if (ROUTING_WORDS.test(text)) return 'routing';
  if (ACCOUNT_WORDS.test(text)) return 'account';
  return null;
}
