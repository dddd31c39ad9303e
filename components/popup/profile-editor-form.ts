/**
 * The popup's profile editor as data: the form's fields as typed, the problems under each of them
 * (the bank-entry check's, as for the ACE page, and the profile schema's), and the BankProfile
 * input the form saves as. Pure, so every message the editor
 * shows is tested without a DOM. Field keys are the schema's own paths ("routingNumber",
 * "importerNumbers.1", "designatedAgent.number"), so problems the background returns on save land
 * under the same fields; "accountConfirmation" is the editor's own.
 */
import { checkAccountNumber } from '@/utils/bank/account-number';
import { isAccountType, type AccountType } from '@/utils/bank/account-type';
import type { Severity } from '@/utils/bank/messages';
import { BANK_PROFILE_SCHEMA_VERSION, parseBankProfile } from '@/utils/bank/profile-schema';
import { checkRoutingNumber } from '@/utils/bank/routing-number';
import {
  checkBankEntry,
  importerNumberReport,
  type DirectoryFacts,
  type DirectoryReport,
  type EntryReport,
} from '@/utils/form-checks/bank-entry-check';

export interface ProfileForm {
  readonly label: string;
  readonly importerName: string;
  /** One entry per row; the editor always keeps at least one. */
  readonly importerNumbers: readonly string[];
  readonly routingNumber: string;
  readonly bankName: string;
  readonly accountNumber: string;
  readonly accountConfirmation: string;
  /** Checking for a new profile (most refund accounts are); empty only for a damaged saved one. */
  readonly accountType: AccountType | '';
  readonly accountHolderName: string;
  readonly agentName: string;
  readonly agentNumber: string;
  readonly notes: string;
}

/** A message under a field: a bank-core problem or one of the editor's own. */
export interface FormProblem {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
}

export type FormProblems = Readonly<Record<string, readonly FormProblem[]>>;

/** What a saved profile keeps that the form does not edit. */
export interface ProfileKeep {
  readonly createdAt?: string;
  readonly lastVerifiedAt?: string;
}

export const EMPTY_PROFILE_FORM: ProfileForm = {
  label: '',
  importerName: '',
  importerNumbers: [''],
  routingNumber: '',
  bankName: '',
  accountNumber: '',
  accountConfirmation: '',
  accountType: 'checking',
  accountHolderName: '',
  agentName: '',
  agentNumber: '',
  notes: '',
};

/** Paths checked here with the field checks themselves, so warnings and notes show too. */
const FIELD_CHECKED = /^(routingNumber|accountNumber|importerNumbers\.\d+|designatedAgent\.number)$/;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The form for a profile as `profiles/get` returns it (a loose object, parsed by the background). */
export function profileFormFromSaved(saved: Readonly<Record<string, unknown>>): { form: ProfileForm; keep: ProfileKeep } {
  const numbers = Array.isArray(saved.importerNumbers) ? saved.importerNumbers.map(text) : [];
  const agent = (typeof saved.designatedAgent === 'object' && saved.designatedAgent !== null ? saved.designatedAgent : {}) as Record<
    string,
    unknown
  >;
  const account = text(saved.accountNumber);
  const form: ProfileForm = {
    label: text(saved.label),
    importerName: text(saved.importerName),
    importerNumbers: numbers.length > 0 ? numbers : [''],
    routingNumber: text(saved.routingNumber),
    bankName: text(saved.bankName),
    accountNumber: account,
    // The saved number was confirmed when it was entered; changing it needs a new confirmation.
    accountConfirmation: account,
    accountType: isAccountType(saved.accountType) ? saved.accountType : '',
    accountHolderName: text(saved.accountHolderName),
    agentName: text(agent.name),
    agentNumber: text(agent.number),
    notes: text(saved.notes),
  };
  const keep: { createdAt?: string; lastVerifiedAt?: string } = {};
  if (typeof saved.createdAt === 'string') keep.createdAt = saved.createdAt;
  if (typeof saved.lastVerifiedAt === 'string') keep.lastVerifiedAt = saved.lastVerifiedAt;
  return { form, keep };
}

export function hasDesignatedAgent(form: ProfileForm): boolean {
  return form.agentName.trim() !== '' || form.agentNumber.trim() !== '';
}

/** The BankProfile input `profiles/save` takes; the background parses and normalises it. */
export function profileInputFromForm(form: ProfileForm, keep: ProfileKeep, now: Date): Record<string, unknown> {
  const updatedAt = now.toISOString();
  const input: Record<string, unknown> = {
    schemaVersion: BANK_PROFILE_SCHEMA_VERSION,
    label: form.label,
    importerName: form.importerName,
    importerNumbers: [...form.importerNumbers],
    bankName: form.bankName,
    routingNumber: form.routingNumber,
    accountNumber: form.accountNumber,
    accountType: form.accountType,
    accountHolderName: form.accountHolderName,
    createdAt: keep.createdAt ?? updatedAt,
    updatedAt,
  };
  if (hasDesignatedAgent(form)) input.designatedAgent = { name: form.agentName, number: form.agentNumber };
  if (form.notes.trim() !== '') input.notes = form.notes;
  if (keep.lastVerifiedAt !== undefined) input.lastVerifiedAt = keep.lastVerifiedAt;
  return input;
}

function plain(problems: readonly FormProblem[]): FormProblem[] {
  return problems.map(({ code, severity, message }) => ({ code, severity, message }));
}

function add(into: Record<string, FormProblem[]>, path: string, problems: readonly FormProblem[]): void {
  if (problems.length === 0) return;
  (into[path] ??= []).push(...plain(problems));
}

export interface ProfileFormCheck {
  readonly problems: FormProblems;
  /** What the FedACH directory says of the routing number, when it was asked about this one. */
  readonly directory?: DirectoryReport;
}

/**
 * Every problem of the form, by field. The bank fields use the bank-entry check (the same as on
 * the ACE page, here in its saving mode: empty fields reported, a differing confirmation an
 * error), with errors, warnings and the "ignored the spaces" notes; the rest come from
 * parseBankProfile, the very schema the background saves with, so the editor never enables Save
 * for a profile the background would refuse. Keys: see the module comment; "form" holds anything
 * without a field. `directory`: the directory's answer for the routing number being typed.
 */
export function checkProfileForm(form: ProfileForm, directory?: DirectoryFacts): ProfileFormCheck {
  const problems: Record<string, FormProblem[]> = {};
  const parsed = parseBankProfile(profileInputFromForm(form, {}, new Date(0)));
  if (!parsed.ok) {
    for (const problem of parsed.problems) {
      if (FIELD_CHECKED.test(problem.path)) continue;
      add(problems, problem.path === '' ? 'form' : problem.path, [problem]);
    }
  }
  const reports = checkBankEntry(
    { routing: form.routingNumber, account: form.accountNumber, accountConfirm: form.accountConfirmation },
    { directory, saving: true },
  );
  const problemsOf = (report: EntryReport | undefined) => report?.problems ?? [];
  form.importerNumbers.forEach((number, index) => add(problems, `importerNumbers.${index}`, problemsOf(importerNumberReport(number, true))));
  add(problems, 'routingNumber', problemsOf(reports.routing));
  add(problems, 'accountNumber', problemsOf(reports.account));
  add(problems, 'accountConfirmation', problemsOf(reports['account-confirm']));
  if (hasDesignatedAgent(form)) add(problems, 'designatedAgent.number', problemsOf(importerNumberReport(form.agentNumber, true)));
  const found = reports.routing?.directory;
  return found ? { problems, directory: found } : { problems };
}

export function countErrors(problems: FormProblems): number {
  let count = 0;
  for (const list of Object.values(problems)) if (list.some((problem) => problem.severity === 'error')) count++;
  return count;
}

export function fieldHasError(problems: readonly FormProblem[] | undefined): boolean {
  return problems?.some((problem) => problem.severity === 'error') ?? false;
}

/** Codes that only say a field is unfinished: not worth interrupting someone still typing it. */
const UNFINISHED = new Set(['input.empty', 'profile.required', 'routing.length', 'account.too-short', 'importer.format', 'importer.ambiguous', 'importer.ein-missing-suffix', 'account.confirm-length', 'account.confirm-mismatch']);

/**
 * What to show under a field the user has not left yet: everything but "unfinished" errors. Once
 * the field has been left (or Save tried), everything shows.
 */
export function visibleProblems(problems: readonly FormProblem[] | undefined, visited: boolean): readonly FormProblem[] {
  if (!problems) return [];
  return visited ? problems : problems.filter((problem) => !UNFINISHED.has(problem.code));
}

/** Whether two forms differ in anything the user would lose. */
export function formsDiffer(a: ProfileForm, b: ProfileForm): boolean {
  return JSON.stringify(a) !== JSON.stringify(b);
}

/** Routing + account, normalised, once both are valid: what the duplicate check takes. */
export function bankAccountKey(form: ProfileForm): { routingNumber: string; accountNumber: string } | undefined {
  const routing = checkRoutingNumber(form.routingNumber).value;
  const account = checkAccountNumber(form.accountNumber).value;
  return routing && account ? { routingNumber: routing, accountNumber: account } : undefined;
}
