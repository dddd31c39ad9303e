/**
 * What the page assistant says beside each bank field: the bank core's format checks, the
 * FedACH directory's answer and the comparison with the profile and CBP's file, merged into one
 * state per field (the `data-ace-ach-state` contract) and the messages to show. Pure.
 */
import { accountTypeFromText } from '@/utils/bank/account-type';
import { checkAccountNumber, compareAccountEntries, confirmationProblems } from '@/utils/bank/account-number';
import { checkImporterNumber } from '@/utils/bank/importer-number';
import { checkRoutingNumber } from '@/utils/bank/routing-number';
import type { Problem } from '@/utils/bank/problems';
import type { FieldVerdict } from './compare-with-profile';

export type ReportedKind = 'routing' | 'account' | 'account-confirm' | 'account-type' | 'importer-number';
export type FieldState = 'ok' | 'invalid' | 'mismatch';

export interface FormValues {
  routing?: string;
  account?: string;
  accountConfirm?: string;
  accountType?: string;
  importerNumber?: string;
}

export interface DirectoryAnswer {
  imported: boolean;
  found: boolean;
  bankName?: string;
  problems: { code: string; severity: 'error' | 'warning' | 'info'; message: string }[];
  suggestions: { routingNumber: string; bankName: string; message: string }[];
}

export interface FieldMessage {
  severity: 'error' | 'warning' | 'info';
  text: string;
  /** The bank rule's code, when the message comes from one. */
  code?: string;
}

export interface FieldReport {
  state?: FieldState;
  /** A few words for the chip above the field: the bank's name, "Check digit", "Differs". */
  chip?: string;
  messages: FieldMessage[];
}

const ERROR_CHIPS: Record<string, string> = {
  'routing.checksum': 'Check digit fails',
  'routing.length': 'Not 9 digits',
  'account.too-long': 'Too long',
  'account.too-short': 'Too short',
};

function fromProblems(problems: readonly Problem[]): FieldMessage[] {
  // The "cleaned" note is noise while typing: the value is read without the separators anyway.
  return problems.filter((p) => p.code !== 'input.cleaned').map((p) => ({ severity: p.severity, text: p.message, code: p.code }));
}

function reportFromProblems(problems: readonly Problem[]): FieldReport {
  const messages = fromProblems(problems);
  const error = problems.find((p) => p.severity === 'error');
  if (error) return { state: 'invalid', chip: ERROR_CHIPS[error.code] ?? 'Check this', messages };
  return { state: 'ok', messages };
}

const filled = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/** The format checks of each filled field, before any comparison. */
export function formatReports(values: FormValues): Partial<Record<ReportedKind, FieldReport>> {
  const reports: Partial<Record<ReportedKind, FieldReport>> = {};
  if (filled(values.routing)) reports.routing = reportFromProblems(checkRoutingNumber(values.routing).problems);
  if (filled(values.account)) {
    const routingNumber = values.routing ?? '';
    reports.account = reportFromProblems(checkAccountNumber(values.account, { routingNumber }).problems);
  }
  if (filled(values.accountConfirm)) {
    const problems = confirmationProblems(compareAccountEntries(values.account ?? '', values.accountConfirm));
    // A confirmation that differs blocks the refund as surely as a wrong number.
    reports['account-confirm'] = problems.length
      ? { state: 'mismatch', chip: 'Differs', messages: fromProblems(problems) }
      : { state: 'ok', messages: [] };
  }
  if (filled(values.importerNumber)) {
    reports['importer-number'] = reportFromProblems(checkImporterNumber(values.importerNumber).problems);
  }
  if (filled(values.accountType) && accountTypeFromText(values.accountType)) {
    reports['account-type'] = { state: 'ok', messages: [] };
  }
  return reports;
}

/** Adds the directory's answer to the routing field's report. */
export function withDirectory(report: FieldReport | undefined, answer: DirectoryAnswer | undefined): FieldReport | undefined {
  if (!report || !answer?.imported) return report;
  const suggestions: FieldMessage[] = answer.suggestions.map((s) => ({ severity: 'info', text: s.message }));
  // A number that fails the rules is not looked up, but "did you mean" is exactly for it.
  if (report.state === 'invalid') return { ...report, messages: [...report.messages, ...suggestions] };
  // The directory's warning naming a 61–72 number's participant says what the general one said.
  const named = answer.problems.some((problem) => problem.code === 'directory.electronic-participant');
  const messages = report.messages.filter((message) => !(named && message.code === 'routing.prefix-electronic'));
  for (const problem of answer.problems) {
    if (!problem.code.startsWith('directory.')) continue; // the format problems are already there
    messages.push({ severity: problem.severity, text: problem.message, code: problem.code });
  }
  messages.push(...suggestions);
  return { ...report, chip: answer.found ? answer.bankName : 'Not in FedACH directory', messages };
}

/** Adds the profile comparison: a mismatch outranks "ok" but not a format error. */
export function withVerdicts(
  reports: Partial<Record<ReportedKind, FieldReport>>,
  verdicts: readonly FieldVerdict[],
  source: FieldVerdict['source'],
): Partial<Record<ReportedKind, FieldReport>> {
  const next = { ...reports };
  for (const verdict of verdicts) {
    if (verdict.source !== source || verdict.result !== 'mismatch') continue;
    const current = next[verdict.kind] ?? { messages: [] };
    if (current.state === 'invalid') continue;
    next[verdict.kind] = {
      state: 'mismatch',
      chip: 'Differs from profile',
      messages: [...current.messages, { severity: 'warning', text: verdict.message ?? 'Differs from the profile.' }],
    };
  }
  for (const verdict of verdicts) {
    if (verdict.source !== source || verdict.result !== 'match') continue;
    const current = next[verdict.kind];
    if (current && current.state === 'ok') next[verdict.kind] = { ...current, chip: current.chip ?? 'Matches profile' };
    if (!current && source === 'on-file') next[verdict.kind] = { state: 'ok', chip: 'Matches profile', messages: [] };
  }
  return next;
}
