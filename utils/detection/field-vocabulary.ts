/**
 * The one table of words that name the bank-form fields, read by the field classifier. For each
 * kind: ACE's and SAP's own words first, then common variants. Phrases are in normal form (see
 * text-normalize.ts): lower case, single spaces, abbreviations expanded by WORD_VARIANTS, so
 * "Acct. No." in a page is "account number" here and one entry covers it.
 */
import type { FieldKind } from './field-kinds';

export interface KindVocabulary {
  /** Phrases that name the kind on their own. */
  readonly phrases: readonly string[];
  /** Phrases that point at the kind but need support from another source or a hint. */
  readonly weakPhrases?: readonly string[];
  /** Identifiers seen only in code (name/id attributes): SAP field names. */
  readonly codeNames?: readonly string[];
}

/** The confirmation kind is not in this table: it is an account phrase plus CONFIRM_WORDS. */
export type VocabularyKind = Exclude<FieldKind, 'account-confirm'>;

export const FIELD_VOCABULARY: Readonly<Record<VocabularyKind, KindVocabulary>> = {
  routing: {
    phrases: [
      'bank routing number', // ACE
      'bank key', // SAP (BANKL)
      'routing number',
      'routing transit number',
      'aba routing transit number',
      'aba routing number',
      'aba number',
      'aba rtn',
      'aba',
      'rtn',
      'transit routing number',
      'transit number',
      'routing transit',
      'routing',
    ],
    weakPhrases: ['transit'],
    codeNames: ['bankl', 'abartn'],
  },
  account: {
    phrases: [
      'bank account number', // ACE
      'bank account', // SAP (BANKN)
      'account number',
      'checking account number',
      'savings account number',
      'deposit account number',
      'dda number',
      'dfi account number',
    ],
    weakPhrases: ['account'],
    codeNames: ['bankn'],
  },
  'account-type': {
    phrases: [
      'bank control key', // ACE and SAP (BKONT): 01 checking, 02 savings
      'control key',
      'bank account type',
      'account type',
      'type of account',
      'checking or savings',
      'checking savings',
    ],
    codeNames: ['bkont'],
  },
  'bank-name': {
    phrases: [
      'bank name',
      'name of bank', // SAP (BANKA)
      'name of the bank',
      'financial institution name',
      'name of financial institution',
      'financial institution',
      'institution name',
    ],
    codeNames: ['banka'],
  },
  'holder-name': {
    phrases: [
      'account holder name',
      'account holder', // SAP (KOINH)
      'name of account holder',
      'name on account',
      'name on the account',
      'name on bank account',
      'bank account name',
      'bank account holder',
      'account owner name',
      'holder name',
      'depositor name',
    ],
    codeNames: ['koinh'],
  },
  'importer-number': {
    phrases: [
      'ir number', // ACE: "IR #"
      'importer number',
      'importer of record number',
      'importer of record',
      'importer record number',
      'importer id',
      'importer identification number',
      'ior number',
    ],
  },
};

/** Words that turn an account phrase into the confirmation field ("Confirm Bank Account Number"). */
export const CONFIRM_WORDS: readonly string[] = [
  'confirm',
  'confirmation',
  're enter',
  'reenter',
  're type',
  'retype',
  'repeat',
  'verify',
  'verification',
  'again',
];

/** What a confirmation of each kind is: a repeated routing number is none of our kinds. */
export const CONFIRMED_KIND: Readonly<Partial<Record<FieldKind, FieldKind | null>>> = {
  account: 'account-confirm',
  routing: null,
};

/**
 * Phrases that look like ours but name something else. They take their words away from shorter
 * phrases: on ACE "Account Name" is the importer's name, not the bank account holder's.
 */
export const IGNORED_PHRASES: readonly string[] = [
  'account name',
  'trade account',
  'account search',
  'account information',
  'account status',
  'account owner',
  'account id',
  'bank country', // SAP BANKS: always US here
  'bank address',
  'bank city',
  'bank state',
];

/** Any of these words in a field's texts means it is not a bank-form field at all. */
export const NOT_BANK_FIELD_WORDS: readonly string[] = [
  'search',
  'phone',
  'telephone',
  'fax',
  'mobile',
  'zip',
  'zip code',
  'postal',
  'email',
  'e mail',
];

/**
 * Negative words: fields that look like ours but hold something else ("Account Nickname",
 * "Account Description", "Bank Country", "Bank Address", "Payment Reference", "Memo"). Such a
 * word before a text's first bank phrase, or within LOOKALIKE_REACH words after it, means the
 * text names that other thing, so the field is none of ours; further on it is help text.
 */
export const LOOKALIKE_WORDS: readonly string[] = [
  'nickname',
  'nick name',
  'alias',
  'description',
  'descr',
  'memo',
  'reference',
  'remark',
  'remarks',
  'comment',
  'comments',
  'note',
  'notes',
  'purpose',
  'country',
  'address',
];

/**
 * Negative words naming another bank account than the refund's: before the bank phrase only
 * ("ACH Debit Account Number", "Statement Account", "Broker's Bank Account"); after it they are
 * help text ("Routing Number (see your statement)", "not the number on your debit card").
 */
export const OTHER_ACCOUNT_WORDS: readonly string[] = ['debit', 'statement', 'broker', 'brokers', 'filer'];

/** How many words after a bank phrase a look-alike word still belongs to it ("Account Nick Name"). */
export const LOOKALIKE_REACH = 2;

/** Input types no bank-form field uses. */
export const NOT_BANK_FIELD_TYPES: readonly string[] = [
  'search',
  'email',
  'url',
  'date',
  'datetime-local',
  'month',
  'week',
  'time',
  'color',
  'range',
  'file',
  'checkbox',
  'hidden',
  'submit',
  'reset',
  'button',
  'image',
];

/** Autocomplete tokens (or prefixes ending in "-") of other data. */
export const NOT_BANK_FIELD_AUTOCOMPLETE: readonly string[] = [
  'tel',
  'tel-',
  'email',
  'postal-code',
  'street-address',
  'address-',
  'cc-',
  'bday',
  'username',
  'one-time-code',
  'country',
  'url',
];

/** Words worth a note on a routing field: wire numbers often differ from the ACH number. */
export const WIRE_WORDS: readonly string[] = ['wire', 'fedwire', 'wire transfer'];

/** Option texts of the account type (Bank Control Key), words and SAP codes. */
export const ACCOUNT_TYPE_OPTION_WORDS = {
  checking: ['checking', 'chequing', 'checking account', 'dda', 'demand deposit'],
  savings: ['savings', 'saving', 'savings account'],
} as const;
export const ACCOUNT_TYPE_OPTION_CODES: Readonly<Record<string, 'checking' | 'savings'>> = {
  '01': 'checking',
  '02': 'savings',
};

/** Options that stand for "nothing chosen" ("--None--", "Select an Option"). */
export const PLACEHOLDER_OPTION_WORDS: readonly string[] = ['none', 'select', 'choose', 'please select'];

/** Abbreviations written out before matching, so one phrase covers "No.", "Nbr", "#". */
export const WORD_VARIANTS: Readonly<Record<string, string>> = {
  no: 'number',
  nbr: 'number',
  num: 'number',
  nr: 'number',
  '#': 'number',
  acct: 'account',
  acc: 'account',
  accnt: 'account',
  rout: 'routing',
  chk: 'checking',
  sav: 'savings',
};
