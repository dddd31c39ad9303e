/**
 * Names a character a user did not mean to enter (a letter, a digit from another script, an
 * invisible mark) so a refusal can say exactly what was found instead of "invalid input".
 */
import {
  CHARACTER_CLASS_NAMES,
  CIRCLED_DIGIT_NAME,
  FOREIGN_DIGIT_BLOCKS,
  INVISIBLE_CHARACTER_NAMES,
  LOOKALIKE_DIGIT_HINTS,
  SUPERSCRIPT_DIGIT_NAME,
  SUPERSCRIPT_DIGITS,
} from './messages';

export type FlaggedCharacterKind = 'letter' | 'foreign-digit' | 'invisible' | 'other';

export interface CharacterDescription {
  readonly kind: FlaggedCharacterKind;
  /** A noun phrase for messages, e.g. "a zero-width space (U+200B)". */
  readonly what: string;
  /** A digit the character is often typed for, e.g. "the digit 0" for the letter O. */
  readonly hint?: string;
}

// Default_Ignorable_Code_Point covers the invisible characters that are not format controls
// (variation selectors, Hangul fillers), which is what makes pasted numbers look right but fail.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;
const VARIATION_SELECTOR = /\p{Variation_Selector}/u;
const LETTER = /\p{L}/u;
const DECIMAL_DIGIT = /\p{Nd}/u;
const NUMBER = /\p{N}/u;
const COMBINING = /\p{M}/u;
const PRIVATE_USE = /\p{Co}/u;
const UNASSIGNED = /\p{Cn}/u;

/** "U+200B": the form people can search for. */
export function formatCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function describeCharacter(codePoint: number): CharacterDescription {
  const code = formatCodePoint(codePoint);
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
    return { kind: 'other', what: `${CHARACTER_CLASS_NAMES.unpairedSurrogate} (${code})` };
  }
  const named = INVISIBLE_CHARACTER_NAMES.get(codePoint);
  if (named) return { kind: 'invisible', what: `${named} (${code})` };

  const char = String.fromCodePoint(codePoint);
  if (INVISIBLE.test(char)) return { kind: 'invisible', what: `${invisibleClassName(codePoint, char)} (${code})` };
  if (PRIVATE_USE.test(char)) return { kind: 'other', what: `${CHARACTER_CLASS_NAMES.privateUse} (${code})` };
  if (UNASSIGNED.test(char)) return { kind: 'other', what: `${CHARACTER_CLASS_NAMES.unassigned} (${code})` };
  if (LETTER.test(char)) {
    const hint = LOOKALIKE_DIGIT_HINTS.get(char);
    // Non-ASCII letters get their code point: a Cyrillic О looks exactly like a Latin O.
    const what = codePoint < 0x80 ? `the letter “${char}”` : `the letter “${char}” (${code})`;
    return hint ? { kind: 'letter', what, hint } : { kind: 'letter', what };
  }
  if (NUMBER.test(char)) return { kind: 'foreign-digit', what: `${foreignDigitName(codePoint, char)} (${code})` };
  if (COMBINING.test(char)) return { kind: 'other', what: `${CHARACTER_CLASS_NAMES.combining} (${code})` };
  return { kind: 'other', what: `“${char}” (${code})` };
}

function invisibleClassName(codePoint: number, char: string): string {
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)) return CHARACTER_CLASS_NAMES.control;
  if (VARIATION_SELECTOR.test(char)) return CHARACTER_CLASS_NAMES.variationSelector;
  if (codePoint >= 0xe0000 && codePoint <= 0xe007f) return CHARACTER_CLASS_NAMES.tag;
  return CHARACTER_CLASS_NAMES.invisible;
}

function foreignDigitName(codePoint: number, char: string): string {
  for (const [zero, name] of FOREIGN_DIGIT_BLOCKS) {
    if (codePoint >= zero && codePoint <= zero + 9) return `${name} ${codePoint - zero}`;
  }
  const superscript = SUPERSCRIPT_DIGITS.get(codePoint);
  if (superscript !== undefined) return `${SUPERSCRIPT_DIGIT_NAME} ${superscript}`;
  if (codePoint >= 0x2460 && codePoint <= 0x2468) return `${CIRCLED_DIGIT_NAME} ${codePoint - 0x245f}`;
  if (codePoint === 0x24ea) return `${CIRCLED_DIGIT_NAME} 0`;
  return DECIMAL_DIGIT.test(char) ? CHARACTER_CLASS_NAMES.foreignDigit : CHARACTER_CLASS_NAMES.foreignNumber;
}
