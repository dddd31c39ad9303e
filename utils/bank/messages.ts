/**
 * Every user-facing word of the bank-data checks, keyed by a stable machine code. The popup, the
 * content script and the import screen all show these strings, so a rule reads the same
 * wherever it fires. Severity lives next to the words because it is part of the rule.
 */

export type Severity = 'error' | 'warning' | 'info';

/** The fields a character-level problem can be reported for. */
export type CheckedField = 'routing' | 'account' | 'confirmation' | 'importer';

export type SeparatorKind = 'space' | 'hyphen' | 'dot';

const FIELD_NOUN: Readonly<Record<CheckedField, string>> = {
  routing: 'routing number',
  account: 'account number',
  confirmation: 'repeated account number',
  importer: 'importer number',
};

const SEPARATOR_PLURAL: Readonly<Record<SeparatorKind, string>> = {
  space: 'spaces',
  hyphen: 'hyphens',
  dot: 'dots',
};

/** "a", "a and b", "a, b and c": lists read as prose, not as code. */
export function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

interface Rule<P extends unknown[]> {
  readonly severity: Severity;
  readonly message: (...params: P) => string;
}

function rule<P extends unknown[]>(severity: Severity, message: (...params: P) => string): Rule<P> {
  return { severity, message };
}

const REFUND_NEEDS_ACH = "ACH refunds need your bank's ACH routing number.";

export const BANK_RULES = {
  // Pasted input, shared by every digit field.
  'input.cleaned': rule('info', (p: { removed: readonly SeparatorKind[] }) =>
    `Ignored the ${joinWords(p.removed.map((kind) => SEPARATOR_PLURAL[kind]))} in what was entered.`,
  ),
  'input.empty': rule('error', (p: { field: CheckedField }) => `Enter the ${FIELD_NOUN[p.field]}.`),
  'char.letter': rule('error', (p: { field: CheckedField; what: string; position: number; hint?: string }) =>
    `The ${FIELD_NOUN[p.field]} contains ${p.what} at position ${p.position}; it can hold only digits` +
    (p.hint ? ` (did you mean ${p.hint}?).` : '.'),
  ),
  'char.foreign-digit': rule('error', (p: { field: CheckedField; what: string; position: number }) =>
    `The ${FIELD_NOUN[p.field]} contains ${p.what} at position ${p.position}; ` +
    'retype it with the ordinary digits 0–9.',
  ),
  'char.invisible': rule('error', (p: { field: CheckedField; what: string; position: number }) =>
    `The ${FIELD_NOUN[p.field]} contains ${p.what} at position ${p.position}, an invisible character ` +
    'that copying brought in; clear the field and type the number.',
  ),
  'char.other': rule('error', (p: { field: CheckedField; what: string; position: number }) =>
    `The ${FIELD_NOUN[p.field]} contains ${p.what} at position ${p.position}; it can hold only digits.`,
  ),
  'char.more': rule('error', (p: { field: CheckedField; count: number }) =>
    `The ${FIELD_NOUN[p.field]} contains ${p.count} more ${p.count === 1 ? 'character' : 'characters'} ` +
    'that are not digits.',
  ),

  // Routing numbers (ABA RTN).
  'routing.length': rule('error', (p: { found: number }) =>
    `A routing number has exactly 9 digits; this one has ${p.found}. ` +
    "Copy it again from a cheque or your bank's ACH instructions.",
  ),
  'routing.all-zero': rule('error', () =>
    `000000000 is a placeholder, not a routing number. Enter your bank's ACH routing number.`,
  ),
  'routing.prefix-government': rule('error', () =>
    `Routing numbers starting 00 belong to U.S. government agencies; ${REFUND_NEEDS_ACH}`,
  ),
  // Some 61–72 numbers are real ACH participants (655060042, the Social Security
  // Administration): unusual for a business's refund account, not impossible, so a warning.
  'routing.prefix-electronic': rule('warning', (p: { prefix: string }) =>
    `Routing numbers starting 61–72 (this one starts ${p.prefix}) are electronic transaction ` +
    "identifiers, used for electronic payments only and rarely for a business's bank account; " +
    "check that it is your bank's ACH routing number.",
  ),
  'routing.prefix-travelers-cheque': rule('error', () =>
    `Routing numbers starting 80 are for traveler's cheques; ${REFUND_NEEDS_ACH}`,
  ),
  'routing.prefix-nonexistent': rule('error', (p: { prefix: string }) =>
    `No routing number starts with ${p.prefix}; real ones start 01–12 or 21–32. ` +
    'Check the first two digits.',
  ),
  'routing.checksum': rule('error', () => "This routing number fails the check-digit test, so a digit is wrong or two are swapped. Compare it digit by digit with a cheque or your bank's ACH instructions."),

  // Account numbers. Messages never repeat the number: the popup may be screenshotted.
  'account.too-short': rule('error', (p: { found: number }) =>
    `An account number has at least 4 digits; this one has ${p.found}. Check that none are missing.`,
  ),
  'account.too-long': rule('error', (p: { found: number }) =>
    `ACE accepts at most 17 digits for the account number; this one has ${p.found}. ` +
    'Check for extra digits, or ask your bank which number to use for ACH deposits.',
  ),
  'account.same-digit': rule('warning', () => 'Every digit of the account number is the same; check that it is your real account number.'),
  'account.is-routing': rule('warning', () => 'The account number is the same as the routing number; enter the account number from your bank statement here.'),
  'account.contains-routing': rule('warning', () => 'The account number contains the routing number, which may have been typed into this field too; enter the account number alone.'),
  'account.confirm-mismatch': rule('warning', (p: { positions: readonly number[] }) =>
    p.positions.length <= 6
      ? `The two account number entries differ at ${p.positions.length === 1 ? 'position' : 'positions'} ` +
        `${joinWords(p.positions.map(String))}; check both against your bank statement.`
      : `The two account number entries differ at ${p.positions.length} positions, the first at ` +
        `position ${p.positions[0]}; check both against your bank statement.`,
  ),
  'account.confirm-length': rule('warning', (p: { first: number; second: number }) =>
    `The two account number entries have different lengths (${p.first} and ${p.second} digits); ` +
    'check both against your bank statement.',
  ),

  // Importer numbers (IR numbers).
  'importer.format': rule('error', () => 'This is not an importer number. Use an EIN with its suffix (12-345678900), an SSN (123-45-6789) or a CBP-assigned number (YYDDPP-NNNNN).'),
  'importer.ein-missing-suffix': rule('error', () => 'Add the 2-character suffix after the EIN (usually 00, as in 12-345678900): ACE keeps bank details separately for each suffix.'),
  'importer.suffix-letter': rule('error', (p: { suffix: string }) =>
    `EIN suffixes never use the letters O, I or Z, and this one is “${p.suffix}”; ` +
    'retype it with the digit 0 for O, 1 for I or 2 for Z.',
  ),
  'importer.ambiguous': rule('error', () => 'Add the hyphens so the kind of number is clear: 12-345678900 (EIN with suffix), 123-45-6789 (SSN) or 123456-78900 (CBP-assigned).'),

  // Checks against the FedACH directory the user imported.
  'directory.not-found': rule('warning', () => "This routing number is not in your imported FedACH directory, so it may be a wire-only number, which often fails for ACH. Ask your bank for its ACH routing number."),
  'directory.replaced': rule('warning', (p: { newRoutingNumber: string; bankName?: string }) =>
    `The FedACH directory says this routing number was replaced by ${p.newRoutingNumber}` +
    (p.bankName ? ` (${p.bankName})` : '') + '; enter the new number.',
  ),
  'directory.no-government-entries': rule('warning', (p: { bankName: string }) =>
    `The FedACH directory says ${p.bankName} does not receive government entries at this routing ` +
    "number, so CBP's refund may be rejected. Ask your bank which routing number takes federal ACH credits.",
  ),
  'directory.electronic-participant': rule('warning', (p: { prefix: string; bankName: string }) =>
    `The FedACH directory lists this routing number for ${p.bankName}: an electronic transaction ` +
    `identifier (it starts ${p.prefix}), rarely a business's bank account. Check that ${p.bankName} ` +
    'holds the account for your refunds.',
  ),
  'directory.suggestion': rule('info', (p: { routingNumber: string; bankName: string }) =>
    `Did you mean ${p.routingNumber} — ${p.bankName}?`,
  ),

  // Reading a FedACH directory file. Every line problem says the line was skipped.
  'fedach.line-length': rule('warning', (p: { line: number; found: number }) =>
    `Line ${p.line}: a directory record has 155 characters, this line has ${p.found}; skipped.`,
  ),
  'fedach.routing': rule('warning', (p: { line: number }) =>
    `Line ${p.line}: the routing number is not 9 digits; skipped.`,
  ),
  'fedach.office-code': rule('warning', (p: { line: number }) =>
    `Line ${p.line}: the office code is not O (main office) or B (branch); skipped.`,
  ),
  'fedach.record-type': rule('warning', (p: { line: number }) =>
    `Line ${p.line}: the record type is not 0, 1 or 2; skipped.`,
  ),
  'fedach.new-routing': rule('warning', (p: { line: number }) =>
    `Line ${p.line}: a replaced routing number (record type 2) needs a 9-digit new routing number; skipped.`,
  ),
  'fedach.name': rule('warning', (p: { line: number }) => `Line ${p.line}: the bank name is empty; skipped.`),
  'fedach.duplicate': rule('warning', (p: { line: number; firstLine: number }) =>
    `Line ${p.line}: this routing number already appeared on line ${p.firstLine}; kept the first.`,
  ),
  'fedach.json-record': rule('warning', (p: { line: number; record: number }) =>
    `Line ${p.line}: participant ${p.record} is not valid JSON; skipped.`,
  ),
  'fedach.json-truncated': rule('warning', () => 'The file ends in the middle of a record, so the last record was skipped. Download the directory again.'),
  'fedach.json-no-participants': rule('error', () => 'No fedACHParticipants list was found; choose the FedACH directory file from the Federal Reserve.'),
  'fedach.no-records': rule('error', () => 'No directory records were found; choose the FedACH directory file (FedACHdir.txt or the JSON file).'),

  // Saved bank profiles.
  'profile.not-object': rule('error', () => 'This is not a saved bank profile.'),
  'profile.required': rule('error', (p: { field: string }) => `${p.field}: enter a value.`),
  'profile.not-text': rule('error', (p: { field: string }) => `${p.field}: must be text.`),
  'profile.too-long': rule('error', (p: { field: string; max: number }) =>
    `${p.field}: keep it to ${p.max} characters or fewer.`,
  ),
  'profile.importer-numbers-empty': rule('error', () => 'Add at least one importer number.'),
  'profile.account-type': rule('error', () => 'Account type: choose checking (Bank Control Key 01) or savings (Bank Control Key 02).'),
  'profile.timestamp': rule('error', (p: { field: string }) =>
    `${p.field}: expected a UTC date and time such as 2026-02-06T15:04:05.000Z.`,
  ),
  'profile.schema-version': rule('error', (p: { found: string }) =>
    `This profile has schema version ${p.found}, which this version of ACE ACH Assist cannot read; ` +
    'update the extension.',
  ),
  'profile.invalid': rule('error', (p: { field: string }) => `${p.field}: this value is not valid.`),
} as const;

export type BankProblemCode = keyof typeof BANK_RULES;

export type BankMessageParams<C extends BankProblemCode> = Parameters<(typeof BANK_RULES)[C]['message']>;

/** The words for a code, built from its parameters. */
export function bankMessage<C extends BankProblemCode>(code: C, ...params: BankMessageParams<C>): string {
  const format = BANK_RULES[code].message as (...args: BankMessageParams<C>) => string;
  return format(...params);
}

export function bankSeverity(code: BankProblemCode): Severity {
  return BANK_RULES[code].severity;
}

// Names of characters that users cannot see or tell apart, used when a pasted value is refused.

/** Invisible and formatting characters by code point; anything else invisible gets a generic name. */
export const INVISIBLE_CHARACTER_NAMES: ReadonlyMap<number, string> = new Map([
  [0x0000, 'a null character'],
  [0x000b, 'a vertical tab'],
  [0x000c, 'a form feed'],
  [0x00ad, 'a soft hyphen'],
  [0x034f, 'a combining grapheme joiner'],
  [0x061c, 'an Arabic letter mark'],
  [0x115f, 'a Hangul choseong filler'],
  [0x1160, 'a Hangul jungseong filler'],
  [0x17b4, 'a Khmer inherent vowel'],
  [0x17b5, 'a Khmer inherent vowel'],
  [0x180e, 'a Mongolian vowel separator'],
  [0x200b, 'a zero-width space'],
  [0x200c, 'a zero-width non-joiner'],
  [0x200d, 'a zero-width joiner'],
  [0x200e, 'a left-to-right mark'],
  [0x200f, 'a right-to-left mark'],
  [0x2028, 'a line separator'],
  [0x2029, 'a paragraph separator'],
  [0x202a, 'a left-to-right embedding'],
  [0x202b, 'a right-to-left embedding'],
  [0x202c, 'a pop directional formatting mark'],
  [0x202d, 'a left-to-right override'],
  [0x202e, 'a right-to-left override'],
  [0x2060, 'a word joiner'],
  [0x2061, 'an invisible function application'],
  [0x2062, 'an invisible times sign'],
  [0x2063, 'an invisible separator'],
  [0x2064, 'an invisible plus sign'],
  [0x2066, 'a left-to-right isolate'],
  [0x2067, 'a right-to-left isolate'],
  [0x2068, 'a first strong isolate'],
  [0x2069, 'a pop directional isolate'],
  [0x2800, 'a blank Braille pattern'],
  [0x3164, 'a Hangul filler'],
  [0xfeff, 'a zero-width no-break space (byte order mark)'],
  [0xffa0, 'a half-width Hangul filler'],
]);

export const CHARACTER_CLASS_NAMES = {
  control: 'a control character',
  variationSelector: 'a variation selector',
  tag: 'an invisible tag character',
  invisible: 'an invisible formatting character',
  combining: 'a combining mark',
  privateUse: 'a private-use character',
  unassigned: 'an unassigned character',
  unpairedSurrogate: 'a damaged character (unpaired surrogate)',
  foreignDigit: 'a digit from another script',
  foreignNumber: 'a number sign from another script',
} as const;

/** Decimal digit blocks by the code point of their zero, so the digit's value can be named too. */
export const FOREIGN_DIGIT_BLOCKS: ReadonlyArray<readonly [zero: number, name: string]> = [
  [0x0660, 'an Arabic-Indic digit'],
  [0x06f0, 'an extended Arabic-Indic (Persian) digit'],
  [0x07c0, 'an NKo digit'],
  [0x0966, 'a Devanagari digit'],
  [0x09e6, 'a Bengali digit'],
  [0x0a66, 'a Gurmukhi digit'],
  [0x0ae6, 'a Gujarati digit'],
  [0x0b66, 'an Odia digit'],
  [0x0be6, 'a Tamil digit'],
  [0x0c66, 'a Telugu digit'],
  [0x0ce6, 'a Kannada digit'],
  [0x0d66, 'a Malayalam digit'],
  [0x0e50, 'a Thai digit'],
  [0x0ed0, 'a Lao digit'],
  [0x0f20, 'a Tibetan digit'],
  [0x1040, 'a Myanmar digit'],
  [0x17e0, 'a Khmer digit'],
  [0x1810, 'a Mongolian digit'],
  [0xff10, 'a full-width digit'],
  [0x1d7ce, 'a mathematical bold digit'],
  [0x1d7d8, 'a mathematical double-struck digit'],
  [0x1d7e2, 'a mathematical sans-serif digit'],
  [0x1d7ec, 'a mathematical sans-serif bold digit'],
  [0x1d7f6, 'a mathematical monospace digit'],
  [0x2080, 'a subscript digit'],
];

/** Superscript digits are scattered over three blocks, so they are listed one by one. */
export const SUPERSCRIPT_DIGITS: ReadonlyMap<number, number> = new Map([
  [0x2070, 0], [0x00b9, 1], [0x00b2, 2], [0x00b3, 3], [0x2074, 4],
  [0x2075, 5], [0x2076, 6], [0x2077, 7], [0x2078, 8], [0x2079, 9],
]);

export const SUPERSCRIPT_DIGIT_NAME = 'a superscript digit';
export const CIRCLED_DIGIT_NAME = 'a circled digit';

/** Letters people type for look-alike digits; suggested, never substituted. */
export const LOOKALIKE_DIGIT_HINTS: ReadonlyMap<string, string> = new Map([
  ['O', 'the digit 0'],
  ['o', 'the digit 0'],
  ['I', 'the digit 1'],
  ['l', 'the digit 1'],
]);
