/**
 * Importer (IR) numbers: EIN with its 2-character suffix, SSN, or CBP-assigned number. ACE keeps
 * bank details per EIN suffix, so comparisons keep the EIN base and the suffix apart.
 */
import { describeCharacter } from './characters';
import { separatorKind } from './digit-input';
import { makeProblem, makeProblemAt } from './problems';
import type { FieldCheck, Problem } from './problems';

export type ImporterNumberKind = 'ein' | 'ssn' | 'cbp';

export interface ImporterNumber {
  readonly kind: ImporterNumberKind;
  /** Normalised form: 12-345678900, 123-45-6789 or YYDDPP-NNNNN, letters in uppercase. */
  readonly value: string;
  /** The EIN without its suffix (12-3456789); the whole value for SSNs and CBP-assigned numbers. */
  readonly base: string;
  /** The EIN suffix (00 for the main record); absent for other kinds. */
  readonly suffix?: string;
}

export interface ImporterNumberCheck extends FieldCheck {
  readonly importer?: ImporterNumber;
}

export type ImporterComparison = 'same' | 'same-base-other-suffix' | 'different';

/** Suffix characters: letters and digits except O, I and Z, which CBP never issues. */
export const EIN_SUFFIX_PATTERN = '[0-9A-HJ-NP-Y]{2}';
const EIN_SUFFIX = new RegExp(`^${EIN_SUFFIX_PATTERN}$`);

const EIN_HYPHENATED = /^(\d{2})-(\d{7})-?([0-9A-Z]{2})$/;
const EIN_COMPACT = /^(\d{2})(\d{7})([0-9A-Z]{2})$/;
/** NNNNNNNNN-XX: the EIN's own hyphen left out, the suffix's kept (no other kind has a suffix). */
const EIN_SUFFIX_ONLY_HYPHEN = /^(\d{2})(\d{7})-([0-9A-Z]{2})$/;
const EIN_WITHOUT_SUFFIX = /^\d{2}-\d{7}$/;
const SSN = /^(\d{3})-(\d{2})-(\d{4})$/;
const CBP_HYPHENATED = /^(\d{2}[0-9A-Z]{4})-(\d{5})$/;
const CBP_COMPACT = /^(\d{2}[0-9A-Z]{4})(\d{5})$/;
const HAS_LETTER = /[A-Z]/;

export function einNumber(base: string, suffix: string): ImporterNumber {
  return { kind: 'ein', value: `${base}${suffix}`, base, suffix };
}

function plainNumber(kind: 'ssn' | 'cbp', value: string): ImporterNumber {
  return { kind, value, base: value };
}

interface Compacted {
  readonly text: string;
  readonly problems: Problem[];
}

/**
 * Turns each run of spaces and dashes between characters into one hyphen ("12 3456789 00" reads
 * as 12-3456789-00, where the gaps stand for hyphens) and uppercases letters. Invisible
 * characters and foreign digits are refused with their position, as for bank numbers.
 */
function compact(input: string): Compacted {
  let text = '';
  const problems: Problem[] = [];
  let position = 0;
  let gap = false;
  for (const character of input) {
    position++;
    const codePoint = character.codePointAt(0)!;
    const separator = separatorKind(codePoint);
    if (separator === 'space' || separator === 'hyphen') {
      gap = true;
      continue;
    }
    const flag = codePoint < 0x80 ? undefined : describeCharacter(codePoint);
    if (flag?.kind === 'invisible' || flag?.kind === 'foreign-digit') {
      const code = flag.kind === 'invisible' ? 'char.invisible' : 'char.foreign-digit';
      problems.push(makeProblemAt(position, code, { field: 'importer', what: flag.what, position }));
      continue;
    }
    if (gap && text.length > 0) text += '-';
    gap = false;
    text += codePoint >= 0x61 && codePoint <= 0x7a ? character.toUpperCase() : character;
  }
  return { text, problems };
}

function recognise(text: string): ImporterNumber | Problem {
  const ein =
    EIN_HYPHENATED.exec(text) ?? EIN_SUFFIX_ONLY_HYPHEN.exec(text) ?? (HAS_LETTER.test(text.slice(9)) ? EIN_COMPACT.exec(text) : null);
  if (ein) {
    const suffix = ein[3]!;
    if (!EIN_SUFFIX.test(suffix)) return makeProblem('importer.suffix-letter', { suffix });
    return einNumber(`${ein[1]}-${ein[2]}`, suffix);
  }
  if (SSN.test(text)) return plainNumber('ssn', text);
  const cbp = CBP_HYPHENATED.exec(text) ?? (HAS_LETTER.test(text.slice(2, 6)) ? CBP_COMPACT.exec(text) : null);
  if (cbp) return plainNumber('cbp', `${cbp[1]}-${cbp[2]}`);
  if (EIN_WITHOUT_SUFFIX.test(text)) return makeProblem('importer.ein-missing-suffix');
  // Without hyphens, 9 digits may be an SSN or an EIN missing its suffix, and 11 digits an EIN
  // with suffix or a CBP-assigned number: guessing would enrol the wrong importer.
  if (/^(\d{9}|\d{11})$/.test(text)) return makeProblem('importer.ambiguous');
  return makeProblem('importer.format');
}

export function checkImporterNumber(input: string): ImporterNumberCheck {
  const entry = typeof input === 'string' ? input : '';
  const { text, problems } = compact(entry);
  if (problems.length > 0) return { ok: false, cleaned: false, problems };
  if (text.length === 0) return { ok: false, cleaned: false, problems: [makeProblem('input.empty', { field: 'importer' })] };
  const recognised = recognise(text);
  if ('code' in recognised) return { ok: false, cleaned: false, problems: [recognised] };
  return { ok: true, value: recognised.value, cleaned: recognised.value !== entry, importer: recognised, problems: [] };
}

/** The importer number in normalised form, or undefined when it is not one. */
export function normaliseImporterNumber(input: string): string | undefined {
  return checkImporterNumber(input).value;
}

export function parseImporterNumber(input: string): ImporterNumber | undefined {
  return checkImporterNumber(input).importer;
}

function toImporter(value: string | ImporterNumber): ImporterNumber | undefined {
  return typeof value === 'string' ? parseImporterNumber(value) : value;
}

/**
 * `same-base-other-suffix` flags the commonest enrolment slip: the right company under the wrong
 * suffix. Anything unreadable compares as `different`.
 */
export function compareImporterNumbers(a: string | ImporterNumber, b: string | ImporterNumber): ImporterComparison {
  const first = toImporter(a);
  const second = toImporter(b);
  if (!first || !second || first.kind !== second.kind || first.base !== second.base) return 'different';
  return first.value === second.value ? 'same' : 'same-base-other-suffix';
}
