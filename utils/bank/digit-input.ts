/**
 * Reads a number as users type or paste it into a digit field (routing or account number).
 * Visible separators (spaces, hyphens, dots) are dropped and reported as cleaned; anything else
 * that is not an ASCII digit is refused with its name and position, never silently fixed,
 * because a "fixed" bank number that is wrong sends a refund nowhere.
 */
import { describeCharacter } from './characters';
import type { FlaggedCharacterKind } from './characters';
import type { CheckedField, SeparatorKind } from './messages';
import { makeProblem, makeProblemAt } from './problems';
import type { Problem } from './problems';

export interface FlaggedCharacter {
  readonly kind: FlaggedCharacterKind;
  /** 1-based, counting code points, so it matches what the user counts on screen. */
  readonly position: number;
  readonly codePoint: number;
  readonly what: string;
  readonly hint?: string;
}

export interface DigitInputScan {
  /** The ASCII digits, in order. */
  readonly digits: string;
  /** Separator kinds that were dropped, in the order first seen. */
  readonly removed: readonly SeparatorKind[];
  /** The first few refused characters (see `maxFlagged`). */
  readonly flagged: readonly FlaggedCharacter[];
  /** How many characters were refused in all. */
  readonly flaggedCount: number;
}

/** Enough to show the user what went wrong without burying the message under a long paste. */
export const DEFAULT_MAX_FLAGGED = 5;

// Dashes a word processor or web page substitutes for a typed hyphen; they look like one.
const HYPHENS = new Set([0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212, 0xfe63, 0xff0d]);

/** Space separators (Unicode Zs) and the whitespace a spreadsheet copy brings: tab, CR, LF. */
function isSpace(codePoint: number): boolean {
  return (
    codePoint === 0x20 ||
    codePoint === 0x09 ||
    codePoint === 0x0a ||
    codePoint === 0x0d ||
    codePoint === 0xa0 ||
    codePoint === 0x1680 ||
    (codePoint >= 0x2000 && codePoint <= 0x200a) ||
    codePoint === 0x202f ||
    codePoint === 0x205f ||
    codePoint === 0x3000
  );
}

export function separatorKind(codePoint: number): SeparatorKind | undefined {
  if (isSpace(codePoint)) return 'space';
  if (HYPHENS.has(codePoint)) return 'hyphen';
  if (codePoint === 0x2e) return 'dot';
  return undefined;
}

export function scanDigitInput(input: string, maxFlagged: number = DEFAULT_MAX_FLAGGED): DigitInputScan {
  let digits = '';
  const removed: SeparatorKind[] = [];
  const flagged: FlaggedCharacter[] = [];
  let flaggedCount = 0;
  let position = 0;
  for (let i = 0; i < input.length; i++) {
    position++;
    let codePoint = input.charCodeAt(i);
    if (codePoint >= 0x30 && codePoint <= 0x39) {
      digits += input[i];
      continue;
    }
    if (codePoint >= 0xd800 && codePoint <= 0xdbff && i + 1 < input.length) {
      const low = input.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        codePoint = 0x10000 + ((codePoint - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    const separator = separatorKind(codePoint);
    if (separator) {
      if (!removed.includes(separator)) removed.push(separator);
      continue;
    }
    flaggedCount++;
    if (flagged.length < maxFlagged) flagged.push({ ...describeCharacter(codePoint), position, codePoint });
  }
  return { digits, removed, flagged, flaggedCount };
}

/** One problem per refused character shown, then one that counts the rest. */
export function flaggedCharacterProblems(scan: DigitInputScan, field: CheckedField): Problem[] {
  const problems: Problem[] = scan.flagged.map((flag) => {
    const params = { field, what: flag.what, position: flag.position };
    switch (flag.kind) {
      case 'letter':
        return makeProblemAt(flag.position, 'char.letter', flag.hint ? { ...params, hint: flag.hint } : params);
      case 'foreign-digit':
        return makeProblemAt(flag.position, 'char.foreign-digit', params);
      case 'invisible':
        return makeProblemAt(flag.position, 'char.invisible', params);
      case 'other':
        return makeProblemAt(flag.position, 'char.other', params);
    }
  });
  const unshown = scan.flaggedCount - scan.flagged.length;
  if (unshown > 0) problems.push(makeProblem('char.more', { field, count: unshown }));
  return problems;
}

/** The "cleaned" note, or nothing when the entry needed no cleaning. */
export function cleanedProblems(scan: DigitInputScan): Problem[] {
  return scan.removed.length > 0 ? [makeProblem('input.cleaned', { removed: scan.removed })] : [];
}
