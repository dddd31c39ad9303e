/**
 * The one check of a bank entry, for the ACE page assistant and the popup's profile editor alike:
 * the bank core's rules for each field, what the imported FedACH directory says of the routing
 * number, and the comparison with the saved profile, merged into one report per field. Both
 * render from these reports (form-checks/field-reports.ts on the page; the editor's
 * profile-editor-form.ts and directory-help.tsx), so a rule or a word changes in one place. Pure.
 */
import { accountTypeFromText } from '@/utils/bank/account-type';
import { checkAccountNumber, compareAccountEntries, confirmationProblems } from '@/utils/bank/account-number';
import { scanDigitInput } from '@/utils/bank/digit-input';
import { checkImporterNumber } from '@/utils/bank/importer-number';
import { bankMessage } from '@/utils/bank/messages';
import { makeProblem, type Problem } from '@/utils/bank/problems';
import { checkRoutingNumber, routingPrefixKind } from '@/utils/bank/routing-number';
import type { ResponseOf } from '@/utils/messaging/protocol';
import type { FieldVerdict } from './compare-with-profile';

export type EntryField = 'routing' | 'account' | 'account-confirm' | 'account-type' | 'importer-number';
export type FieldState = 'ok' | 'invalid' | 'mismatch';

/** The values as entered (page fields or editor inputs); a missing one was not entered. */
export interface BankEntry {
  routing?: string;
  account?: string;
  accountConfirm?: string;
  accountType?: string;
  /** Not checked here: it orders the directory's "Did you mean" suggestions (lookupRequest). */
  bankName?: string;
  importerNumber?: string;
}

/** What the directory said (directory/lookup's answer) and the routing number it was asked about. */
export type DirectoryFacts = ResponseOf<'directory/lookup'> & { readonly routingNumber: string };

export interface EntryCheckOptions {
  /** The directory's latest answer; used only when it is about the routing number entered now. */
  readonly directory?: DirectoryFacts | undefined;
  /** The comparison with the saved profile (page/compare); only the form's values count here. */
  readonly verdicts?: readonly FieldVerdict[] | undefined;
  /**
   * The profile editor saves what it checks: an empty field is reported (the bank core's "Enter
   * the …"), and a confirmation that differs is an error, since the editor must know which entry
   * to keep. On the ACE page the extension only checks what is typed and can only warn.
   */
  readonly saving?: boolean;
}

/** What the directory says of the routing number, in the bank core's words. */
export interface DirectoryReport {
  readonly imported: boolean;
  /** The bank the number belongs to, when the directory lists it. */
  readonly bank?: { readonly name: string; readonly city?: string | undefined; readonly state?: string | undefined };
  /** The number entries go to now (record type 2). */
  readonly replacedBy?: string;
  /** Replaced, missing, not for government entries, an electronic participant; only for a number that passes its own rules. */
  readonly problems: readonly Problem[];
  /** "Did you mean …": numbers one slip away; kept for a number that fails its rules too. */
  readonly suggestions: readonly { readonly routingNumber: string; readonly message: string }[];
}

export interface EntryReport {
  /** The page's `data-ace-ach-state`: undefined while the field holds nothing judged. */
  readonly state?: FieldState;
  /** A few words for the page's chip above the field: "Check digit fails", the bank's name, "Differs". */
  readonly chip?: string;
  /** The field's own rules, in the bank core's words (the "cleaned" notes too). */
  readonly problems: readonly Problem[];
  /** Routing number only: the directory's answer about this very number. */
  readonly directory?: DirectoryReport;
  /** What differs from the saved profile, in the comparison's words. */
  readonly differences?: readonly string[];
}

export type EntryReports = Partial<Record<EntryField, EntryReport>>;

const ERROR_CHIPS: Record<string, string> = {
  'routing.checksum': 'Check digit fails',
  'routing.length': 'Not 9 digits',
  'account.too-long': 'Too long',
  'account.too-short': 'Too short',
};

const NOT_LISTED_CHIP = 'Not in FedACH directory';

const filled = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

function fromProblems(problems: readonly Problem[]): EntryReport {
  const error = problems.find((problem) => problem.severity === 'error');
  if (error) return { state: 'invalid', chip: ERROR_CHIPS[error.code] ?? 'Check this', problems };
  return { state: 'ok', problems };
}

/** The routing number's 9 digits once it has them and nothing else, check digit right or not: what the directory is asked about. */
export function routingDigitsForLookup(routing: string | undefined): string | undefined {
  if (!routing) return undefined;
  const scan = scanDigitInput(routing, 0);
  return scan.flaggedCount === 0 && scan.digits.length === 9 ? scan.digits : undefined;
}

/** The directory/lookup request for a routing number's digits; `bankName`, as typed, orders tied suggestions. */
export function lookupRequest(routingNumber: string, bankName = ''): { routingNumber: string; bankNames?: string[] } {
  const name = bankName.trim().slice(0, 128);
  return name ? { routingNumber, bankNames: [name] } : { routingNumber };
}

/**
 * What the directory's facts mean for a routing number that passes its own rules. Warnings, not
 * errors: the directory is the user's own download and may be out of date.
 */
export function directoryProblems(facts: DirectoryFacts): Problem[] {
  if (!facts.imported) return [];
  if (!facts.found) return [makeProblem('directory.not-found')];
  const problems: Problem[] = [];
  if (facts.replacedBy) {
    const bankName = facts.replacementBankName;
    problems.push(makeProblem('directory.replaced', bankName ? { newRoutingNumber: facts.replacedBy, bankName } : { newRoutingNumber: facts.replacedBy }));
  }
  const bankName = facts.bankName ?? '';
  if (routingPrefixKind(facts.routingNumber) === 'electronic') {
    problems.push(makeProblem('directory.electronic-participant', { prefix: facts.routingNumber.slice(0, 2), bankName }));
  }
  if (facts.receivesGovernmentEntries === false) problems.push(makeProblem('directory.no-government-entries', { bankName }));
  return problems;
}

function directoryReport(facts: DirectoryFacts, passes: boolean): DirectoryReport {
  const suggestions = facts.suggestions.map(({ routingNumber, bankName }) => ({
    routingNumber,
    message: bankMessage('directory.suggestion', { routingNumber, bankName }),
  }));
  // A number that fails its own rules is not judged by the directory too: "not in the directory"
  // would only repeat the rule's message less precisely. "Did you mean" is exactly for it.
  const report: DirectoryReport = { imported: facts.imported, problems: passes ? directoryProblems(facts) : [], suggestions };
  const bank = facts.found && facts.bankName ? { bank: { name: facts.bankName, city: facts.city, state: facts.state } } : {};
  return { ...report, ...bank, ...(facts.replacedBy ? { replacedBy: facts.replacedBy } : {}) };
}

function routingReport(routing: string, facts: DirectoryFacts | undefined): EntryReport {
  const check = checkRoutingNumber(routing);
  const about = facts && facts.routingNumber === routingDigitsForLookup(routing) ? facts : undefined;
  if (!about) return fromProblems(check.problems);
  const directory = directoryReport(about, check.ok);
  // The directory's warning naming a 61–72 number's participant says what the general one said.
  const named = directory.problems.some((problem) => problem.code === 'directory.electronic-participant');
  const own = fromProblems(named ? check.problems.filter((problem) => problem.code !== 'routing.prefix-electronic') : check.problems);
  if (!about.imported || own.state === 'invalid') return { ...own, directory };
  return { ...own, chip: about.found ? about.bankName : NOT_LISTED_CHIP, directory };
}

function confirmationReport(account: string, confirmation: string, saving: boolean): EntryReport | undefined {
  if (saving) {
    if (confirmation === '') return account === '' ? { problems: [] } : fromProblems([makeProblem('input.empty', { field: 'confirmation' })]);
    // The confirmation's words are the bank core's, but in the editor they block saving.
    const problems = confirmationProblems(compareAccountEntries(account, confirmation)).map((problem) => ({ ...problem, severity: 'error' as const }));
    return problems.length ? { state: 'mismatch', chip: 'Differs', problems } : { state: 'ok', problems };
  }
  if (!filled(confirmation)) return undefined;
  const problems = confirmationProblems(compareAccountEntries(account, confirmation));
  // A confirmation that differs blocks the refund as surely as a wrong number.
  return problems.length ? { state: 'mismatch', chip: 'Differs', problems } : { state: 'ok', problems: [] };
}

/** One importer number as entered: also each of the editor's importer rows and its agent's number. */
export function importerNumberReport(value: string, saving = false): EntryReport | undefined {
  return saving || filled(value) ? fromProblems(checkImporterNumber(value).problems) : undefined;
}

/** A type the page shows is judged only once it reads as checking or savings (the editor's select offers only those). */
function accountTypeReport(value: string | undefined): EntryReport | undefined {
  return filled(value) && accountTypeFromText(value) ? { state: 'ok', problems: [] } : undefined;
}

/** Adds the profile comparison: a mismatch outranks "ok" but not a rule's error. */
export function withVerdicts(reports: EntryReports, verdicts: readonly FieldVerdict[], source: FieldVerdict['source']): EntryReports {
  const next = { ...reports };
  for (const verdict of verdicts) {
    if (verdict.source !== source || verdict.result !== 'mismatch') continue;
    const current = next[verdict.kind] ?? { problems: [] };
    if (current.state === 'invalid') continue;
    next[verdict.kind] = {
      ...current,
      state: 'mismatch',
      chip: 'Differs from profile',
      differences: [...(current.differences ?? []), verdict.message ?? 'Differs from the profile.'],
    };
  }
  for (const verdict of verdicts) {
    if (verdict.source !== source || verdict.result !== 'match') continue;
    const current = next[verdict.kind];
    if (current && current.state === 'ok') next[verdict.kind] = { ...current, chip: current.chip ?? 'Matches profile' };
    if (!current && source === 'on-file') next[verdict.kind] = { state: 'ok', chip: 'Matches profile', problems: [] };
  }
  return next;
}

/** What CBP's values on file get from the comparison: a state for each compared value. */
export function onFileReports(verdicts: readonly FieldVerdict[]): EntryReports {
  return withVerdicts({}, verdicts, 'on-file');
}

/** Every field's report. Without `saving`, only the fields that hold something are judged. */
export function checkBankEntry(entry: BankEntry, options: EntryCheckOptions = {}): EntryReports {
  const saving = options.saving ?? false;
  const reports: { -readonly [K in EntryField]?: EntryReport } = {};
  if (saving || filled(entry.routing)) reports.routing = routingReport(entry.routing ?? '', options.directory);
  if (saving || filled(entry.account)) {
    reports.account = fromProblems(checkAccountNumber(entry.account ?? '', { routingNumber: entry.routing ?? '' }).problems);
  }
  const confirmation = confirmationReport(entry.account ?? '', entry.accountConfirm ?? '', saving);
  if (confirmation) reports['account-confirm'] = confirmation;
  const importer = entry.importerNumber === undefined ? undefined : importerNumberReport(entry.importerNumber, saving);
  if (importer) reports['importer-number'] = importer;
  const type = accountTypeReport(entry.accountType);
  if (type) reports['account-type'] = type;
  return withVerdicts(reports, options.verdicts ?? [], 'form');
}
