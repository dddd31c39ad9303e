/**
 * What the page assistant says beside each bank field, drawn from the one bank-entry check
 * (bank-entry-check.ts): one state per field (the `data-ace-ach-state` contract), the chip's few
 * words and the messages to show, in the order they are read: the field's rules, the FedACH
 * directory, its "did you mean", the comparison with the profile. Pure.
 */
import type { Severity } from '@/utils/bank/messages';
import {
  checkBankEntry,
  onFileReports,
  type BankEntry,
  type EntryCheckOptions,
  type EntryReport,
  type EntryReports,
  type FieldState,
} from './bank-entry-check';

export type { FieldState } from './bank-entry-check';
export type ReportedKind = 'routing' | 'account' | 'account-confirm' | 'account-type' | 'importer-number';

export interface FieldMessage {
  severity: Severity;
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

export type FieldReports = Partial<Record<ReportedKind, FieldReport>>;

function fieldReport(report: EntryReport): FieldReport {
  const messages: FieldMessage[] = [];
  for (const { severity, message, code } of report.problems) {
    // The "cleaned" note is noise while typing: the value is read without the separators anyway.
    if (code !== 'input.cleaned') messages.push({ severity, text: message, code });
  }
  for (const { severity, message, code } of report.directory?.problems ?? []) messages.push({ severity, text: message, code });
  for (const { message } of report.directory?.suggestions ?? []) messages.push({ severity: 'info', text: message });
  for (const text of report.differences ?? []) messages.push({ severity: 'warning', text });
  const shown: FieldReport = { messages };
  if (report.state) shown.state = report.state;
  if (report.chip !== undefined) shown.chip = report.chip;
  return shown;
}

function fieldReportsOf(reports: EntryReports): FieldReports {
  const shown: FieldReports = {};
  for (const [kind, report] of Object.entries(reports) as [ReportedKind, EntryReport][]) shown[kind] = fieldReport(report);
  return shown;
}

/** The reports of the fields on the page: what is typed, with the directory's answer and the profile's verdicts. */
export function fieldReports(values: BankEntry, options: Omit<EntryCheckOptions, 'saving'> = {}): FieldReports {
  return fieldReportsOf(checkBankEntry(values, options));
}

/** The states of CBP's values on file, from the profile comparison. */
export function onFileFieldReports(options: Pick<EntryCheckOptions, 'verdicts'>): FieldReports {
  return fieldReportsOf(onFileReports(options.verdicts ?? []));
}
