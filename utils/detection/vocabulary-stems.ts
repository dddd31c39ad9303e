/**
 * Cheap tests of raw page text against the vocabulary, run before any normalization: whether a
 * text could name a bank field at all (the classifier's prefilter) and whether a frame shows a
 * routing word (the detector's gate). Both are derived from field-vocabulary.ts, so a new phrase
 * or abbreviation there is covered here without a second list.
 *
 * Each is a superset of what the classifier reads: a normalized word comes from its own letters
 * or from an abbreviation WORD_VARIANTS writes out ("acct" → account), in any case, so each word
 * is matched as any of its spellings, anywhere (no word boundaries: identifiers glue words,
 * "bankRoutingNumber", and textContent glues elements). Non-ASCII text is folded the way
 * normalizeText folds it (NFKD, marks dropped) before the test. A first scan for one word of
 * each phrase turns most texts away before the phrase patterns run.
 */
import { ACCOUNT_TYPE_OPTION_WORDS, FIELD_VOCABULARY, WORD_VARIANTS, type VocabularyKind } from './field-vocabulary';

/** Characters that normalizeText's NFKD could turn into letters or digits (not ASCII, nbsp, dashes, quotes). */
const FOLDABLE = /[^\x00-\x7f\u00a0\u2000-\u206f]/;
const MARKS = /[\u0300-\u036f]/g;

/** Raw text with the compatibility forms and accents normalizeText removes already removed. */
export function foldForMatch(text: string): string {
  return FOLDABLE.test(text) ? text.normalize('NFKD').replace(MARKS, '') : text;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const spelled = new Map<string, string[]>();

/** The raw spellings of a normal-form word, none containing another (which would match first). */
export function spellings(word: string): string[] {
  let forms = spelled.get(word);
  if (!forms) {
    const all = [word, ...Object.keys(WORD_VARIANTS).filter((key) => WORD_VARIANTS[key] === word)];
    spelled.set(word, (forms = all.filter((form) => !all.some((other) => other !== form && form.includes(other)))));
  }
  return forms;
}

/** Phrases without those that contain another one's words in a row (which matches wherever they do). */
function leastPhrases(phrases: readonly string[]): string[][] {
  const known = new Set(phrases);
  const containsAnother = (words: string[]) => {
    for (let from = 0; from < words.length; from++) {
      for (let to = from + 1; to <= words.length; to++) {
        if (to - from < words.length && known.has(words.slice(from, to).join(' '))) return true;
      }
    }
    return false;
  };
  return [...known].map((phrase) => phrase.split(' ')).filter((words) => !containsAnother(words));
}

const oneOf = (forms: readonly string[]) => `(?:${forms.map(escapeRegExp).join('|')})`;

/** A phrase's words in order, anything but letters and digits (or nothing) between them. */
function inOrder(words: readonly string[]): string {
  return words.map((word) => oneOf(spellings(word))).join('[^a-z0-9]*');
}

/** A phrase's words anywhere in the text, in any order (names, ids, aria-labelledby parts). */
function anyOrder(words: readonly string[]): string {
  return words.map((word) => `(?=[\\s\\S]*${oneOf(spellings(word))})`).join('');
}

/** Every phrase that names a kind: phrases, weak phrases and code names. */
export function kindPhrases(kinds: readonly VocabularyKind[] = Object.keys(FIELD_VOCABULARY) as VocabularyKind[]): string[] {
  return kinds.flatMap((kind) => {
    const { phrases, weakPhrases = [], codeNames = [] } = FIELD_VOCABULARY[kind];
    return [...phrases, ...weakPhrases, ...codeNames];
  });
}

/** The option words that make choices read as account types ("Checking", "Savings"). */
const OPTION_PHRASES = Object.values(ACCOUNT_TYPE_OPTION_WORDS).flat();

/**
 * One spelling of each phrase's most telling word (its shortest spelling the longest): a phrase
 * is present only where that word is, so most texts are turned away by one scan for these.
 */
function needles(phrases: readonly string[][]): RegExp {
  const forms = phrases.map((words) =>
    words
      .map(spellings)
      .reduce((best, next) => (Math.min(...next.map((form) => form.length)) > Math.min(...best.map((form) => form.length)) ? next : best)),
  );
  return new RegExp([...new Set(forms.flat())].map(escapeRegExp).join('|'), 'i');
}

/** The compiled tests, built on first use (the page assistant carries this module but may never read a label). */
interface Stems {
  fieldNeedles: RegExp;
  fieldStems: RegExp;
  routingNeedles: RegExp;
  routingInText: RegExp;
  routingAnyOrder: RegExp;
}
let compiled: Stems | undefined;

function stems(): Stems {
  if (compiled) return compiled;
  const fieldPhrases = leastPhrases([...kindPhrases(), ...OPTION_PHRASES]);
  const routingPhrases = routingSignalPhrases();
  compiled = {
    fieldNeedles: needles(fieldPhrases),
    // The words of a phrase that names a kind or an account-type choice, in any order.
    fieldStems: new RegExp(`^(?:${fieldPhrases.map(anyOrder).join('|')})`, 'i'),
    routingNeedles: needles(routingPhrases),
    // In page text, a routing phrase's words in order (as textContent gives them).
    routingInText: new RegExp(routingPhrases.map(inOrder).join('|'), 'i'),
    // In a name, an id or a name composed of several elements, in any order.
    routingAnyOrder: new RegExp(`^(?:${routingPhrases.map(anyOrder).join('|')})`, 'i'),
  };
  return compiled;
}

/**
 * Whether a raw text holds, in any order, the words of a phrase that names a kind or of an
 * account-type choice. Every text the classifier reads passes this before it names anything
 * (labels, aria, legends, nearby texts, placeholders, names, ids, choices).
 */
export function mayNameField(text: string): boolean {
  const { fieldNeedles, fieldStems } = stems();
  const folded = foldForMatch(text);
  return fieldNeedles.test(folded) && fieldStems.test(folded);
}

/**
 * The routing kind's phrases: a bank form needs a routing field (or a routing number on file),
 * so a frame with none of them anywhere has no bank form.
 */
export function routingSignalPhrases(): string[][] {
  return leastPhrases(kindPhrases(['routing']));
}

/** Whether `text` (page text; or, `anyWordOrder`, a name or id attribute) holds a routing phrase. */
export function hasRoutingSignal(text: string, anyWordOrder = false): boolean {
  const { routingNeedles, routingInText, routingAnyOrder } = stems();
  const folded = foldForMatch(text);
  return routingNeedles.test(folded) && (anyWordOrder ? routingAnyOrder : routingInText).test(folded);
}
