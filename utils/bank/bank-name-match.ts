/**
 * Whether two ways of writing a bank's name mean the same bank: what the user typed ("Chase",
 * "Wells Fargo") against the FedACH directory's name ("JPMORGAN CHASE BANK, NA"). Used to put
 * the user's own bank first among equally good "Did you mean" suggestions, never to decide
 * anything alone.
 */

/** Words every bank name may or may not carry: they tell no bank from another. */
const GENERIC_WORDS = new Set([
  'THE', 'OF', 'AND', 'BANK', 'BANKS', 'BANKING', 'NA', 'N', 'A', 'NATIONAL', 'ASSOCIATION', 'ASSN', 'ASSOC',
  'CO', 'COMPANY', 'INC', 'CORP', 'CORPORATION', 'FSB', 'SSB', 'TRUST', 'FEDERAL', 'SAVINGS', 'CREDIT', 'UNION',
  'FCU', 'FINANCIAL', 'GROUP', 'USA', 'US',
]);

function significantWords(name: string): string[] {
  return name
    .toUpperCase()
    .replace(/&/g, ' AND ')
    .replace(/[^A-Z0-9]+/g, ' ')
    .split(' ')
    .filter((word) => word !== '' && !GENERIC_WORDS.has(word));
}

function within(some: readonly string[], all: readonly string[]): boolean {
  return some.length > 0 && some.every((word) => all.includes(word));
}

/** "Chase" and "JPMORGAN CHASE BANK, NA" match; "America" and "AMERICAN EXPRESS" do not. */
export function sameBankName(typed: string, listed: string): boolean {
  if (typeof typed !== 'string' || typeof listed !== 'string') return false;
  const a = significantWords(typed);
  const b = significantWords(listed);
  if (a.length === 0 || b.length === 0) return false;
  // "JP Morgan Chase" against "JPMORGAN CHASE": the same letters spaced otherwise.
  return within(a, b) || within(b, a) || a.join('') === b.join('');
}
