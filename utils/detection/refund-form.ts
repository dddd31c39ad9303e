/**
 * Which bank form on a page is the ACH refund form. A page may also hold the importer's ACH
 * debit account (periodic monthly statements) or a broker's own account, and only the refund
 * form may be marked, checked against the refund profile or filled. Decided by meaning: the
 * titles around each candidate form (nearest heading, legend, labelled region, tab or card
 * title, nearest first), read as words. Pure: the content script reads the titles
 * (utils/content/form-sections.ts).
 */
import { isBankForm } from './bank-form';
import type { FieldKind } from './field-kinds';
import { normalizeText } from './text-normalize';

export type FormPurpose = 'refund' | 'other' | 'unknown';

/** Words of a title that say it is about the refund account ("ACH Refund Authorization"). */
const REFUND_WORDS: readonly string[] = ['refund', 'refunds'];
/** Words of a title about the ACH debit / periodic monthly statement (payer) account. */
const OTHER_WORDS: readonly string[] = ['debit', 'debits', 'statement', 'statements', 'pms', 'payer'];
/**
 * A broker's or filer's own account: these words count only before an account word, since a
 * heading may be a company's name ("Acme Customs Brokers Inc").
 */
const PARTY_WORDS: readonly string[] = ['broker', 'brokers', 'brokerage', 'filer', 'filers'];
const ACCOUNT_WORDS: readonly string[] = ['account', 'accounts', 'bank', 'banking', 'ach', 'information', 'details'];
/** How many words later the account word may come ("Broker's Own Bank Account"). */
const PARTY_REACH = 4;

function namesParty(words: readonly string[]): boolean {
  return words.some(
    (word, at) => PARTY_WORDS.includes(word) && words.slice(at + 1, at + 1 + PARTY_REACH).some((next) => ACCOUNT_WORDS.includes(next)),
  );
}

/** What one title says: a title naming both ("Refunds and debits") says nothing. */
export function titlePurpose(title: string): FormPurpose {
  const words = normalizeText(title).split(' ');
  const refund = words.some((word) => REFUND_WORDS.includes(word));
  const other = words.some((word) => OTHER_WORDS.includes(word)) || namesParty(words);
  return refund === other ? 'unknown' : refund ? 'refund' : 'other';
}

/** The nearest title that says something decides. */
export function formPurpose(titlesNearestFirst: readonly string[]): FormPurpose {
  for (const title of titlesNearestFirst) {
    const purpose = titlePurpose(title);
    if (purpose !== 'unknown') return purpose;
  }
  return 'unknown';
}

export interface CandidateForm {
  /** The kinds of the candidate's visible fields. */
  readonly kinds: readonly FieldKind[];
  /** Titles around it, nearest first. */
  readonly titles: readonly string[];
}

export type RefundFormChoice =
  | { readonly choice: 'one'; readonly index: number }
  /** Several forms and nothing tells them apart: the user says which. */
  | { readonly choice: 'ask'; readonly indexes: readonly number[] }
  | { readonly choice: 'none' };

/**
 * The refund form among the candidates: never one titled as another account's; the one titled
 * as the refund's when there is one; else the only untitled form; else the user is asked.
 */
export function chooseRefundForm(candidates: readonly CandidateForm[]): RefundFormChoice {
  const forms = candidates
    .map((candidate, index) => ({ index, purpose: formPurpose(candidate.titles), form: isBankForm(candidate.kinds) }))
    .filter((candidate) => candidate.form && candidate.purpose !== 'other');
  const refund = forms.filter((candidate) => candidate.purpose === 'refund');
  const pool = refund.length > 0 ? refund : forms;
  if (pool.length === 0) return { choice: 'none' };
  if (pool.length === 1) return { choice: 'one', index: pool[0]!.index };
  return { choice: 'ask', indexes: pool.map((candidate) => candidate.index) };
}
