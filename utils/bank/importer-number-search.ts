/**
 * Finds importer numbers in the text of a page (e.g. "IR #: 12-345678900" in an ACE account
 * header), so the extension can tell which importer record is open. Only hyphenated forms are
 * searched: bare runs of 9 or 11 digits on a page are more often something else.
 */
import { checkImporterNumber } from './importer-number';
import type { ImporterNumber } from './importer-number';

export interface ImporterNumberMatch {
  readonly importer: ImporterNumber;
  /** Offset of the match in the searched text (UTF-16 units, as String.prototype.slice counts). */
  readonly index: number;
  /** The matched text as it appears on the page. */
  readonly text: string;
}

// Pages and PDFs turn hyphens into en dashes or non-breaking hyphens; the number is the same.
const DASH = '[-\\u2010-\\u2014\\u2212]';
const IMPORTER_IN_TEXT = new RegExp(
  // Not glued to other letters, digits or a digit-dash run (dates, phone numbers, longer codes).
  `(?<![0-9A-Za-z])(?<![0-9A-Za-z]${DASH})(?:` +
    `\\d{2}${DASH}\\d{7}${DASH}?[0-9A-Za-z]{2}` +
    `|\\d{9}${DASH}[0-9A-Za-z]{2}` +
    `|\\d{3}${DASH}\\d{2}${DASH}\\d{4}` +
    `|\\d{2}[0-9A-Za-z]{4}${DASH}\\d{5}` +
    `)(?![0-9A-Za-z])(?!${DASH}[0-9A-Za-z])`,
  'g',
);

export function findImporterNumbers(text: string): ImporterNumberMatch[] {
  const matches: ImporterNumberMatch[] = [];
  if (typeof text !== 'string') return matches;
  for (const found of text.matchAll(IMPORTER_IN_TEXT)) {
    // The pattern admits any letters so the check can refuse suffixes with O, I or Z.
    const importer = checkImporterNumber(found[0]).importer;
    if (importer) matches.push({ importer, index: found.index, text: found[0] });
  }
  return matches;
}
