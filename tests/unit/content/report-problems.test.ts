/**
 * The submit guard's question lists the form's problems: one line per field that is invalid or
 * differs, in the form's order, "<field name>: <first error, else first warning>".
 */
import { describe, expect, it } from 'vitest';
import type { DetectedField, DetectedForm } from '@/utils/content/detected-form';
import { reportProblems } from '@/utils/content/assistant/form-submit-guard';
import type { FieldKind } from '@/utils/detection/field-kinds';
import { fieldReports, type FieldReport, type ReportedKind } from '@/utils/form-checks/field-reports';

/** A detected field as reportProblems sees it: only its kind matters. */
const field = (kind: FieldKind) => ({ kind, control: 'input', element: {}, classification: {} }) as unknown as DetectedField;
const form = (...kinds: FieldKind[]): DetectedForm => ({ fields: kinds.map(field), onFile: [] });
type Reports = Partial<Record<ReportedKind, FieldReport>>;

const ROUTING_BAD: FieldReport = {
  state: 'invalid',
  chip: 'Check digit fails',
  messages: [
    { severity: 'info', text: 'Spaces were ignored.' },
    { severity: 'warning', text: 'Routing warning.' },
    { severity: 'error', text: 'The check digit fails.' },
    { severity: 'error', text: 'Second error.' },
  ],
};
const ACCOUNT_DIFFERS: FieldReport = {
  state: 'mismatch',
  chip: 'Differs from profile',
  messages: [
    { severity: 'info', text: 'Note.' },
    { severity: 'warning', text: 'Differs from the profile (ending 6789).' },
    { severity: 'warning', text: 'Another warning.' },
  ],
};

describe('reportProblems', () => {
  it('no form: no problems', () => {
    expect(reportProblems(null, { routing: ROUTING_BAD })).toEqual([]);
  });

  it('a form without reports has no problems', () => {
    expect(reportProblems(form('routing', 'account'), {})).toEqual([]);
  });

  it("one line per invalid or mismatched field, in the form's order, with the first error", () => {
    const reports: Reports = { routing: ROUTING_BAD, account: ACCOUNT_DIFFERS };
    expect(reportProblems(form('account', 'bank-name', 'routing'), reports)).toEqual([
      'Account number: Differs from the profile (ending 6789).',
      'Routing number: The check digit fails.',
    ]);
    expect(reportProblems(form('routing', 'account'), reports)).toEqual([
      'Routing number: The check digit fails.',
      'Account number: Differs from the profile (ending 6789).',
    ]);
  });

  it('uses the first warning when there is no error, and the chip when there are neither', () => {
    expect(reportProblems(form('account'), { account: ACCOUNT_DIFFERS })).toEqual([
      'Account number: Differs from the profile (ending 6789).',
    ]);
    const chipOnly: FieldReport = { state: 'mismatch', chip: 'Differs', messages: [{ severity: 'info', text: 'Only a note.' }] };
    expect(reportProblems(form('account-confirm'), { 'account-confirm': chipOnly })).toEqual(['Account (repeat): Differs']);
  });

  it('skips fields that are ok or not checked, even with messages', () => {
    const okWithWarning: FieldReport = { state: 'ok', messages: [{ severity: 'warning', text: 'All one digit.' }] };
    const unchecked: FieldReport = { messages: [{ severity: 'error', text: 'Not judged yet.' }] };
    const reports: Reports = { routing: okWithWarning, account: unchecked, 'importer-number': ROUTING_BAD };
    expect(reportProblems(form('routing', 'account', 'importer-number', 'account-type'), reports)).toEqual([
      'Importer number: The check digit fails.',
    ]);
  });

  it('names each field kind in plain words', () => {
    const bad: FieldReport = { state: 'invalid', messages: [{ severity: 'error', text: 'x' }] };
    const reports: Reports = { routing: bad, account: bad, 'account-confirm': bad, 'account-type': bad, 'importer-number': bad };
    expect(reportProblems(form('routing', 'account', 'account-confirm', 'account-type', 'importer-number'), reports)).toEqual([
      'Routing number: x',
      'Account number: x',
      'Account (repeat): x',
      'Account type: x',
      'Importer number: x',
    ]);
  });

  it('a kind found twice in the form is listed once', () => {
    expect(reportProblems(form('routing', 'account', 'routing'), { routing: ROUTING_BAD })).toEqual([
      'Routing number: The check digit fails.',
    ]);
  });

  it("uses the checks' own words for a real bad routing number", () => {
    const reports = fieldReports({ routing: '021000022', account: '000123456789' });
    const error = reports.routing!.messages.find((m) => m.severity === 'error')!;
    expect(reports.routing!.state).toBe('invalid');
    expect(reportProblems(form('routing', 'account'), reports)).toEqual([`Routing number: ${error.text}`]);
  });
});
