/**
 * The hint the first-run screen shows while a user chooses the vault passphrase, and the two
 * rules that refuse one (too short, confirmation differs). A rough estimate, not a cracking
 * model: it rewards length and variety and sees through the usual tricks (a common password with
 * digits tacked on, repeats, keyboard runs), which is what a hint needs to be useful.
 */

export type PassphraseStrength = 'weak' | 'fair' | 'good' | 'strong';

export interface PassphraseAssessment {
  readonly strength: PassphraseStrength;
  /** One sentence telling the user what would make it better (or that it is fine). */
  readonly hint: string;
  /** The rough estimate behind `strength`, in bits; for tests and tuning, not for display. */
  readonly bits: number;
}

export const MIN_PASSPHRASE_LENGTH = 10;
/** The protocol's own limit on a passphrase. */
export const MAX_PASSPHRASE_LENGTH = 1024;

/** Passwords every guessing list starts with, plus the words of this trade. Lowercase, no digits tacked on. */
const COMMON_PASSWORDS = new Set([
  'password', 'passw0rd', 'passphrase', '123456', '12345678', '123456789', '1234567890', 'qwerty',
  'qwertyuiop', 'letmein', 'welcome', 'admin', 'administrator', 'iloveyou', 'monkey', 'dragon',
  'football', 'baseball', 'sunshine', 'princess', 'master', 'shadow', 'superman', 'trustno1',
  'abc123', 'starwars', 'whatever', 'freedom', 'hello', 'charlie', 'michael', 'jordan', 'login',
  'secret', 'summer', 'winter', 'spring', 'autumn', 'changeme', 'default', 'computer', 'internet',
  'customs', 'broker', 'customsbroker', 'importer', 'refund', 'refunds', 'bank', 'banking', 'ach',
  'cbp', 'ace', 'aceportal', 'companyname', 'letmeinnow', 'iloveyou2', 'loveme', 'access',
]);

const KEYBOARD_ROWS = ['`1234567890-=', 'qwertyuiop[]\\', "asdfghjkl;'", 'zxcvbnm,./'];

const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };

function characters(text: string): string[] {
  return Array.from(text);
}

/** The password under the decoration: case folded, digits and symbols trimmed off both ends, leet undone. */
function undecorated(text: string): string[] {
  const lower = text.toLowerCase().replace(/\s+/g, '');
  const trimmed = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  const forms = [lower, trimmed, lower.replace(/[0-9@$!]/g, (c) => LEET[c] ?? c)];
  const deLeeted = forms[2]!.replace(/^[^a-z]+|[^a-z]+$/g, '');
  forms.push(deLeeted);
  return forms.filter((form) => form.length > 0);
}

export function isCommonPassword(text: string): boolean {
  return undecorated(text).some((form) => COMMON_PASSWORDS.has(form));
}

function isStep(a: string, b: string): boolean {
  const delta = b.codePointAt(0)! - a.codePointAt(0)!;
  if (Math.abs(delta) === 1) return true;
  const pair = (a + b).toLowerCase();
  return KEYBOARD_ROWS.some((row) => row.includes(pair) || row.includes(pair[1]! + pair[0]!));
}

/**
 * How many characters really count: a run of one repeated character or of a sequence
 * (abcd, 4321, qwerty) counts as one, and a text that is one piece repeated counts as that piece.
 */
export function effectiveLength(text: string): number {
  const chars = characters(text);
  for (let unit = 2; unit <= chars.length / 2; unit++) {
    if (chars.length % unit !== 0) continue;
    const piece = chars.slice(0, unit).join('');
    // One character over and over is a run, counted below.
    if (new Set(piece).size < 2) continue;
    if (piece.repeat(chars.length / unit) === chars.join('')) return effectiveLength(piece) + 1;
  }
  let length = 0;
  let i = 0;
  while (i < chars.length) {
    let j = i + 1;
    if (j < chars.length && chars[j] === chars[i]) {
      while (j < chars.length && chars[j] === chars[i]) j++;
    } else if (j + 1 < chars.length && isStep(chars[i]!, chars[j]!) && isStep(chars[j]!, chars[j + 1]!)) {
      while (j < chars.length && isStep(chars[j - 1]!, chars[j]!)) j++;
    }
    length += 1;
    i = j;
  }
  return length;
}

function poolSize(text: string): number {
  let pool = 0;
  if (/[a-z]/.test(text)) pool += 26;
  if (/[A-Z]/.test(text)) pool += 26;
  if (/[0-9]/.test(text)) pool += 10;
  if (/[ -/:-@[-`{-~]/.test(text)) pool += 33;
  if (/[^\x00-\x7f]/u.test(text)) pool += 100;
  return Math.max(pool, 1);
}

const HINTS = {
  empty: 'Choose at least 10 characters; a few unrelated words make a strong passphrase.',
  short: 'Use at least 10 characters; a few unrelated words make a strong passphrase.',
  common: 'This is one of the most common passwords, even with digits or symbols added; choose something nobody would guess.',
  pattern: 'Avoid repeated characters and sequences such as aaaa, 1234 or qwerty.',
  weak: 'Make it longer: add another unrelated word or two.',
  fair: 'Longer is stronger: add another unrelated word.',
  good: 'Good; one more unrelated word would make it strong.',
  strong: 'Strong passphrase.',
} as const;

export function assessPassphrase(passphrase: string): PassphraseAssessment {
  const text = typeof passphrase === 'string' ? passphrase : '';
  const length = characters(text).length;
  if (length === 0) return { strength: 'weak', hint: HINTS.empty, bits: 0 };
  const effective = effectiveLength(text);
  const bits = Math.round(effective * Math.log2(poolSize(text)));
  if (isCommonPassword(text)) return { strength: 'weak', hint: HINTS.common, bits: Math.min(bits, 10) };
  if (length < MIN_PASSPHRASE_LENGTH) return { strength: 'weak', hint: HINTS.short, bits };
  if (effective < length / 2) return { strength: bits < 40 ? 'weak' : 'fair', hint: HINTS.pattern, bits };
  if (bits < 40) return { strength: 'weak', hint: HINTS.weak, bits };
  if (bits < 60) return { strength: 'fair', hint: HINTS.fair, bits };
  if (bits < 80) return { strength: 'good', hint: HINTS.good, bits };
  return { strength: 'strong', hint: HINTS.strong, bits };
}

/** Why a new passphrase cannot be used, or undefined when it can. */
export function newPassphraseProblem(passphrase: string, confirmation: string): string | undefined {
  const length = characters(passphrase).length;
  if (length < MIN_PASSPHRASE_LENGTH) {
    return length === 0
      ? 'Choose a passphrase of at least 10 characters.'
      : `The passphrase needs at least 10 characters; this one has ${length}.`;
  }
  if (passphrase.length > MAX_PASSPHRASE_LENGTH) return 'Keep the passphrase to 1024 characters or fewer.';
  if (passphrase !== confirmation) return 'The two passphrases do not match; type the same passphrase in both fields.';
  return undefined;
}
