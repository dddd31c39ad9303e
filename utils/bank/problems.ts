/**
 * The problem and result shapes every bank-data check returns, so the popup and the content
 * script can list problems from any check with one piece of UI.
 */
import { bankMessage, bankSeverity } from './messages';
import type { BankMessageParams, BankProblemCode, Severity } from './messages';

export interface Problem {
  readonly code: BankProblemCode;
  readonly severity: Severity;
  readonly message: string;
  /**
   * 1-based position in the text as entered, counting each Unicode character (code point) once,
   * for problems about one character.
   */
  readonly position?: number;
}

/** What a field check answers. */
export interface FieldCheck {
  /** True when no problem is an error; warnings and notes never block. */
  readonly ok: boolean;
  /** The normalised digits, only when `ok`: the value to store or type into the page. */
  readonly value?: string;
  /**
   * The digits once tolerated separators are gone, whenever the entry held nothing else, even if
   * a later rule failed (typo help and confirmation checks need them).
   */
  readonly digits?: string;
  /** True when spaces, hyphens or dots were removed. */
  readonly cleaned: boolean;
  readonly problems: readonly Problem[];
}

export function makeProblem<C extends BankProblemCode>(code: C, ...params: BankMessageParams<C>): Problem {
  return { code, severity: bankSeverity(code), message: bankMessage(code, ...params) };
}

export function makeProblemAt<C extends BankProblemCode>(
  position: number,
  code: C,
  ...params: BankMessageParams<C>
): Problem {
  return { ...makeProblem(code, ...params), position };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
