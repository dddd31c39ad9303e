/**
 * fast-check arbitraries shared by the bank tests: any text a user could paste (full Unicode,
 * lone surrogates, the invisible and look-alike characters that break pasted numbers), and
 * valid numbers of each kind dressed the way people type them.
 */
import fc from 'fast-check';
import { abaCheckDigit } from '../../../utils/bank/routing-number';
import { ACCEPTED_PREFIXES } from './fedach-generator';

/** Enough runs to meet the floor of 10,000 per validator and parser. */
export const RUNS = 10_000;

const TRICKY = [
  '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200e', '\u202e', '\u00a0', '\u2007',
  '\u3000', '\t', '\n', '\r', '-', '\u2013', '\u2212', '.', ',', '/', 'O', 'o', 'l', 'I', '\uff10',
  '\u0663', '\u06f5', '\u0969', '\u00b2', '\u2460', '\u041e', '\ud835\udfce', '\u0301', '\ufe0f',
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const asciiDigit = fc.constantFrom(...'0123456789');

// Built from integers rather than fast-check's 'binary' unit, whose set-up costs over a second
// per test file. Surrogate code points come out as lone surrogates, which pasted text can hold.
const codePointCharacter = (max: number) =>
  fc.integer({ min: 0, max }).map((code) => (code >= 0xd800 && code <= 0xdfff ? String.fromCharCode(code) : String.fromCodePoint(code)));
/** Any code point, the basic plane (where most trouble lives) as often as all the others. */
export const anyCharacter = fc.oneof(codePointCharacter(0xffff), codePointCharacter(0x10ffff));

/** One character of what a user may paste: mostly digits, often trouble. */
export const pastedCharacter = fc.oneof(
  { weight: 5, arbitrary: asciiDigit },
  { weight: 2, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 2, arbitrary: anyCharacter },
  { weight: 1, arbitrary: loneSurrogate },
);

/** Any string at all, weighted towards digit-like pastes so deeper branches are reached. */
export const anyText = fc.oneof(
  fc.string({ unit: pastedCharacter, maxLength: 30 }),
  fc.string({ unit: anyCharacter, maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

export const digitString = (minLength: number, maxLength: number) => fc.string({ unit: asciiDigit, minLength, maxLength });

/** A checksum-valid routing number with a prefix that can take a refund. */
export const validRoutingNumber = fc
  .tuple(fc.constantFrom(...ACCEPTED_PREFIXES), digitString(6, 6))
  .map(([prefix, middle]) => prefix + middle + abaCheckDigit(prefix + middle));

const separator = fc.constantFrom(' ', '-', '.', '\u00a0', '\t', '\u2013', '  ');

/** `digits` with separators users type or paste sprinkled between and around them. */
export function decorated(digits: string) {
  return fc.array(fc.option(separator, { freq: 2 }), { minLength: digits.length + 1, maxLength: digits.length + 1 }).map((gaps) => {
    let text = gaps[0] ?? '';
    for (let i = 0; i < digits.length; i++) text += digits[i]! + (gaps[i + 1] ?? '');
    return text;
  });
}

const EIN_SUFFIX_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRSTUVWXY';
const suffixCharacter = fc.constantFrom(...EIN_SUFFIX_CHARACTERS);
const upperOrDigit = fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ');

export const validEin = fc
  .tuple(digitString(2, 2), digitString(7, 7), suffixCharacter, suffixCharacter)
  .map(([a, b, c, d]) => `${a}-${b}${c}${d}`);
export const validSsn = fc
  .tuple(digitString(3, 3), digitString(2, 2), digitString(4, 4))
  .map(([a, b, c]) => `${a}-${b}-${c}`);
export const validCbpNumber = fc
  .tuple(digitString(2, 2), fc.string({ unit: upperOrDigit, minLength: 4, maxLength: 4 }), digitString(5, 5))
  .map(([year, place, serial]) => `${year}${place}-${serial}`);
export const validImporterNumber = fc.oneof(validEin, validSsn, validCbpNumber);

/** Property tests run 10,000 cases; this leaves room on a busy 2-core CI machine. */
export const PROPERTY_TIMEOUT = 60_000;
