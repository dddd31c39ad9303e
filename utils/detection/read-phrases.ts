/**
 * Reads one text (a label, a placeholder, a name attribute...) against the vocabulary: which
 * kinds it names and how strongly. Longer phrases win their words first, so "Account Holder
 * Name" is a holder and not an account, and an ignored phrase ("Account Name") names nothing.
 */
import type { FieldKind } from './field-kinds';
import {
  CONFIRM_WORDS,
  CONFIRMED_KIND,
  FIELD_VOCABULARY,
  IGNORED_PHRASES,
  LOOKALIKE_REACH,
  LOOKALIKE_WORDS,
  NOT_BANK_FIELD_WORDS,
  OTHER_ACCOUNT_WORDS,
  WIRE_WORDS,
  type VocabularyKind,
} from './field-vocabulary';

/** Strength of a weak phrase ("account" alone) against a full one. */
export const WEAK_STRENGTH = 0.4;
/** Strength of a kind named after another kind in the same text (help text, "not your ..."). */
export const LATER_KIND_FACTOR = 0.4;
/** Inside squashed identifiers ("routingnumber") only phrases this long are looked for. */
const MIN_SQUASHED_LENGTH = 6;

type Role = 'kind' | 'ignored' | 'confirm' | 'not-bank' | 'lookalike' | 'other-account' | 'wire';

interface PhraseEntry {
  phrase: string;
  words: number;
  parts: string[];
  squashed: string;
  role: Role;
  kind: VocabularyKind | null;
  strength: number;
  codeOnly: boolean;
}

export interface PhraseMatch {
  kind: FieldKind;
  phrase: string;
  strength: number;
}

export interface TextReading {
  /** Strongest match per kind. */
  kinds: Map<FieldKind, PhraseMatch>;
  /** Names something that is not a bank field (phone, search, zip...). */
  notBankField: boolean;
  /** Names a look-alike of a bank field ("Account Nickname", "Bank Country", "ACH Debit Account"). */
  lookalike: boolean;
  mentionsWire: boolean;
}

/** Every phrase by its first word, longest first (the vocabulary is written in normal form). */
function indexVocabulary(): { byFirstWord: Map<string, PhraseEntry[]>; all: PhraseEntry[] } {
  const all: PhraseEntry[] = [];
  const add = (phrase: string, role: Role, kind: VocabularyKind | null, strength: number, codeOnly = false) => {
    const parts = phrase.split(' ');
    all.push({ phrase, words: parts.length, parts, squashed: phrase.replace(/ /g, ''), role, kind, strength, codeOnly });
  };
  for (const kind of Object.keys(FIELD_VOCABULARY) as VocabularyKind[]) {
    const vocabulary = FIELD_VOCABULARY[kind];
    for (const phrase of vocabulary.phrases) add(phrase, 'kind', kind, 1);
    for (const phrase of vocabulary.weakPhrases ?? []) add(phrase, 'kind', kind, WEAK_STRENGTH);
    for (const code of vocabulary.codeNames ?? []) add(code, 'kind', kind, 1, true);
  }
  for (const phrase of IGNORED_PHRASES) add(phrase, 'ignored', null, 0);
  for (const phrase of CONFIRM_WORDS) add(phrase, 'confirm', null, 0);
  for (const phrase of NOT_BANK_FIELD_WORDS) add(phrase, 'not-bank', null, 0);
  for (const phrase of LOOKALIKE_WORDS) add(phrase, 'lookalike', null, 0);
  for (const phrase of OTHER_ACCOUNT_WORDS) add(phrase, 'other-account', null, 0);
  for (const phrase of WIRE_WORDS) add(phrase, 'wire', null, 0);
  all.sort((a, b) => b.words - a.words || b.phrase.length - a.phrase.length);
  const byFirstWord = new Map<string, PhraseEntry[]>();
  for (const entry of all) {
    const first = entry.phrase.slice(0, entry.phrase.indexOf(' ') >>> 0);
    const list = byFirstWord.get(first);
    if (list) list.push(entry);
    else byFirstWord.set(first, [entry]);
  }
  return { byFirstWord, all };
}

/** Built on the first reading, not when the script loads: the page assistant carries this module but rarely reads a label. */
let index: ReturnType<typeof indexVocabulary> | undefined;
function vocabularyIndex(): ReturnType<typeof indexVocabulary> {
  index ??= indexVocabulary();
  return index;
}

/** Every phrase of the vocabulary, for the test that checks they are in normal form. */
export function vocabularyPhrases(): readonly string[] {
  return vocabularyIndex().all.map((entry) => entry.phrase);
}

interface Found {
  entry: PhraseEntry;
  /** Index of the first word, and one past the last. */
  from: number;
  to: number;
}

function findPhrases(words: string[], identifier: boolean): Found[] {
  const found: Found[] = [];
  for (let at = 0; at < words.length; at++) {
    for (const entry of vocabularyIndex().byFirstWord.get(words[at]!) ?? []) {
      if (entry.codeOnly && !identifier) continue;
      if (at + entry.words > words.length || !entry.parts.every((part, i) => words[at + i] === part)) continue;
      found.push({ entry, from: at, to: at + entry.words });
    }
  }
  // Longest first claims its words.
  found.sort((a, b) => b.entry.words - a.entry.words || a.from - b.from);
  const taken = new Uint8Array(words.length);
  return found.filter(({ from, to }) => {
    for (let i = from; i < to; i++) if (taken[i]) return false;
    taken.fill(1, from, to);
    return true;
  });
}

/** In a squashed identifier ("bankroutingnumber") the longest phrase it contains. */
function findSquashed(text: string): Found[] {
  const squashed = text.replace(/ /g, '');
  const found: Found[] = [];
  let best: PhraseEntry | undefined;
  for (const entry of vocabularyIndex().all) {
    if (entry.squashed.length < MIN_SQUASHED_LENGTH || !squashed.includes(entry.squashed)) continue;
    if (entry.role === 'kind' && (!best || entry.squashed.length > best.squashed.length)) best = entry;
    else if (entry.role === 'confirm' || entry.role === 'lookalike' || entry.role === 'other-account') found.push({ entry, from: 0, to: 0 });
  }
  if (best) found.push({ entry: best, from: 0, to: 0 });
  return found;
}

/**
 * A look-alike word before the first bank phrase or right after it names what the text is about
 * ("Account Nickname", "Description of account"), another account's word only before it ("ACH
 * Debit Account"); further on they are help text. In a squashed identifier
 * ("bankaccountnickname", no phrase found by words) any of them counts.
 */
function namesLookalike(first: Found | undefined, lookalikes: readonly Found[], identifier: boolean): boolean {
  if (lookalikes.length === 0) return false;
  if (!first || (identifier && first.to === 0)) return true;
  return lookalikes.some(({ entry, from }) => from < first.from || (entry.role === 'lookalike' && from - first.to < LOOKALIKE_REACH));
}

/**
 * Reads a text already in normal form. `identifier` says it came from a name or id: code names
 * count there, and squashed words ("bankroutingnumber") are searched when nothing else matched.
 */
export function readNormalText(text: string, identifier = false): TextReading {
  const reading: TextReading = { kinds: new Map(), notBankField: false, lookalike: false, mentionsWire: false };
  if (!text) return reading;
  let found = findPhrases(text.split(' '), identifier);
  if (identifier && !found.some((item) => item.entry.role === 'kind')) found = found.concat(findSquashed(text));
  let confirmation = false;
  const named: Found[] = [];
  const lookalikes: Found[] = [];
  for (const item of found) {
    if (item.entry.role === 'not-bank') reading.notBankField = true;
    else if (item.entry.role === 'lookalike' || item.entry.role === 'other-account') lookalikes.push(item);
    else if (item.entry.role === 'wire') reading.mentionsWire = true;
    else if (item.entry.role === 'confirm') confirmation = true;
    else if (item.entry.kind) named.push(item);
  }
  named.sort((a, b) => a.from - b.from);
  reading.lookalike = namesLookalike(named[0], lookalikes, identifier);
  const first = named[0]?.entry.kind;
  for (const { entry } of named) {
    let kind: FieldKind | null = entry.kind;
    if (confirmation && kind && kind in CONFIRMED_KIND) kind = CONFIRMED_KIND[kind] ?? null;
    if (!kind) continue;
    const phrase = kind === entry.kind ? entry.phrase : `${entry.phrase} + confirmation word`;
    const strength = entry.kind === first ? entry.strength : entry.strength * LATER_KIND_FACTOR;
    const known = reading.kinds.get(kind);
    if (!known || known.strength < strength) reading.kinds.set(kind, { kind, phrase, strength });
  }
  return reading;
}
