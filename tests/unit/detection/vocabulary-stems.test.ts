// @vitest-environment happy-dom
/**
 * The cheap tests in front of the classifier and the detector (vocabulary-stems.ts) must never
 * say "nothing here" where the classifier would name a field: each phrase, abbreviation and
 * option word trips them, and on random texts every field the full classifier names passes the
 * prefilter (and every routing field the gate).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyField, mayNameAnyKind, scoreField } from '@/utils/detection/classify-field';
import type { FieldFeatures } from '@/utils/detection/field-features';
import {
  ACCOUNT_TYPE_OPTION_WORDS,
  CONFIRM_WORDS,
  FIELD_VOCABULARY,
  IGNORED_PHRASES,
  LOOKALIKE_WORDS,
  NOT_BANK_FIELD_WORDS,
  OTHER_ACCOUNT_WORDS,
  WIRE_WORDS,
  WORD_VARIANTS,
  type VocabularyKind,
} from '@/utils/detection/field-vocabulary';
import { hasRoutingSignal, mayNameField } from '@/utils/detection/vocabulary-stems';
import { addedNodeSignals, elementSignals, SIGNAL_ATTRIBUTES } from '@/utils/content/bank-signal';

const KINDS = Object.keys(FIELD_VOCABULARY) as VocabularyKind[];
/** Read from the table itself, not through the module under test. */
const phrasesOf = (kinds: readonly VocabularyKind[]) =>
  kinds.flatMap((kind) => [...FIELD_VOCABULARY[kind].phrases, ...(FIELD_VOCABULARY[kind].weakPhrases ?? []), ...(FIELD_VOCABULARY[kind].codeNames ?? [])]);
const ROUTING = phrasesOf(['routing']);
const ALL = phrasesOf(KINDS);

/** The ways pages and code write a phrase: as is, in capitals, Title Case, camelCase, snake_case, squashed. */
function writings(phrase: string): string[] {
  const words = phrase.split(' ');
  const title = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  return [
    phrase,
    phrase.toUpperCase(),
    title.join(' '),
    words[0] + title.slice(1).join(''),
    words.join('_'),
    words.join(''),
    `*${title.join(' ')}:`,
  ];
}

/** The phrase with each word written as each of its abbreviations ("account number" → "acct #"). */
function abbreviated(phrase: string): string[] {
  const words = phrase.split(' ');
  const out: string[] = [];
  words.forEach((word, i) => {
    for (const [short, long] of Object.entries(WORD_VARIANTS)) {
      if (long === word) out.push([...words.slice(0, i), short, ...words.slice(i + 1)].join(' '));
    }
  });
  return out;
}

describe('the classifier prefilter', () => {
  it.each(ALL)('"%s" may name a field, however it is written', (phrase) => {
    for (const text of [...writings(phrase), ...abbreviated(phrase)]) expect(mayNameField(text), text).toBe(true);
  });

  it('passes every phrase with a confirmation word, and every account-type choice word', () => {
    for (const confirm of CONFIRM_WORDS) for (const phrase of phrasesOf(['account'])) expect(mayNameField(`${confirm} ${phrase}`)).toBe(true);
    for (const word of Object.values(ACCOUNT_TYPE_OPTION_WORDS).flat()) {
      for (const text of [...writings(word), ...abbreviated(word)]) expect(mayNameField(text)).toBe(true);
    }
  });

  it('passes text the classifier folds: full-width letters, accents', () => {
    expect(mayNameField('ＲＯＵＴＩＮＧ ＮＯ')).toBe(true);
    expect(mayNameField('Numéro de compte bancaire (Bank Accóunt)')).toBe(true);
  });

  it('stops the words that never name a field on their own', () => {
    for (const word of [...CONFIRM_WORDS, ...LOOKALIKE_WORDS, ...OTHER_ACCOUNT_WORDS, ...NOT_BANK_FIELD_WORDS, ...WIRE_WORDS]) {
      // Negative and helper words only ever take a field away: they need not pass.
      expect(scoreField({ control: 'input', labels: [word], inputMode: 'numeric', maxLength: 9 })).toBeNull();
    }
    for (const text of ['Entry Summary Line 3', 'Added Line 7 Amount', 'Port of Entry', 'Invoice Value', 'f12', 'dyn33']) {
      expect(mayNameField(text)).toBe(false);
    }
  });

  it('leaves out the bare 01/02 codes, which never name the account type alone', () => {
    const options = [
      { text: '01', value: '01' },
      { text: '02', value: '02' },
    ];
    expect(scoreField({ control: 'select', options })).toBeNull();
    expect(scoreField({ control: 'radio-group', options })).toBeNull();
  });

  it('never stops a field the full classifier names (random texts)', () => {
    const vocabularyWords = [...new Set([...ALL, ...IGNORED_PHRASES, ...CONFIRM_WORDS, ...LOOKALIKE_WORDS].flatMap((phrase) => phrase.split(' ')))];
    const word = fc.oneof(
      fc.constantFrom(...vocabularyWords, ...Object.keys(WORD_VARIANTS), ...Object.values(ACCOUNT_TYPE_OPTION_WORDS).flat()),
      fc.constantFrom('entry', 'line', 'value', 'amount', 'of', 'the', 'name', 'type', 'id', '01', '02', '9'),
      { arbitrary: fc.constantFrom(...ALL), weight: 2 },
    );
    const separator = fc.constantFrom(' ', '', '_', '-', '/', ' # ', '.', ': ', '  ');
    const casing = fc.constantFrom<(text: string) => string>(
      (text) => text,
      (text) => text.toUpperCase(),
      (text) => text.replace(/(^|[^a-z])([a-z])/g, (_, before: string, letter: string) => before + letter.toUpperCase()),
    );
    const text = fc.tuple(fc.array(fc.tuple(word, separator), { minLength: 1, maxLength: 4 }), casing).map(([parts, write]) =>
      write(parts.map(([w, s]) => w + s).join('')),
    );
    // Sparse: most fields are named by one or two sources, as on real pages.
    const maybe = fc.option(text, { nil: undefined, freq: 4 });
    const few = fc.oneof({ arbitrary: fc.constant([]), weight: 3 }, { arbitrary: fc.array(text, { minLength: 1, maxLength: 2 }), weight: 1 });
    const features: fc.Arbitrary<FieldFeatures> = fc.record({
      control: fc.constantFrom<FieldFeatures['control']>('input', 'input', 'select', 'combobox', 'radio-group'),
      labels: few,
      aria: few,
      legend: maybe,
      preceding: few,
      placeholder: maybe,
      name: maybe,
      id: maybe,
      inputMode: fc.constantFrom(undefined, 'numeric'),
      maxLength: fc.constantFrom(undefined, 9, 17),
      options: fc.oneof(
        { arbitrary: fc.constant([]), weight: 3 },
        { arbitrary: fc.array(fc.record({ text, value: fc.constantFrom('', '01', '02', 'x') }), { minLength: 1, maxLength: 3 }), weight: 1 },
      ),
    });
    let named = 0;
    fc.assert(
      fc.property(features, (field) => {
        const full = scoreField(field);
        if (full) named++;
        expect(full === null || mayNameAnyKind(field)).toBe(true);
        expect(classifyField(field)).toEqual(full);
        // A routing field always shows the detector's gate signal in one of its texts.
        if (full?.kind === 'routing') {
          const texts = [...(field.labels ?? []), ...(field.aria ?? []), ...(field.preceding ?? []), field.legend, field.placeholder, field.name, field.id];
          expect(texts.some((one) => one !== undefined && hasRoutingSignal(one))).toBe(true);
        }
      }),
      { numRuns: 5000, seed: 12 },
    );
    // The property meant something: many random fields were named.
    expect(named).toBeGreaterThan(300);
  });
});

describe('the routing signal (the detector gate)', () => {
  it.each(ROUTING)('"%s" in page text is a signal, however it is written', (phrase) => {
    for (const text of [...writings(phrase), ...abbreviated(phrase)]) expect(hasRoutingSignal(`Some heading${text}More text`), text).toBe(true);
  });

  it('is no signal where only other kinds are named', () => {
    for (const kind of KINDS.filter((one) => one !== 'routing')) {
      for (const phrase of FIELD_VOCABULARY[kind].phrases.filter((one) => !one.includes('bank key'))) {
        if (!ROUTING.some((routing) => phrase.includes(routing))) expect(hasRoutingSignal(phrase)).toBe(false);
      }
    }
    expect(hasRoutingSignal('Entry Summary · Port of Entry · Invoice Value')).toBe(false);
  });

  it.each(ROUTING)('"%s" in a naming attribute is a signal', (phrase) => {
    for (const text of [...writings(phrase), ...abbreviated(phrase)]) {
      for (const attribute of SIGNAL_ATTRIBUTES) {
        const element = document.createElement(attribute === 'label' ? 'lightning-input' : 'input');
        element.setAttribute(attribute, `x-${text}-1`);
        expect(elementSignals(element), `${attribute}=${text}`).toBe(true);
        const holder = document.createElement('div');
        holder.append(document.createElement('span'), element);
        expect(addedNodeSignals(holder), `${attribute}=${text} inside`).toBe(true);
      }
    }
  });

  it('reads the words of a name composed in any order', () => {
    expect(hasRoutingSignal('Key (SAP) Bank', true)).toBe(true);
    expect(hasRoutingSignal('Key (SAP) Bank')).toBe(false);
  });
});
