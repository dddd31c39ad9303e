/**
 * The submit guard on the bank form: saving while a field is invalid or differs from the profile
 * first asks, naming each problem, unless the user turned the guard off in Options. The setting
 * is read when the page loads and again whenever the page gets focus back (after a visit to the
 * options page); until the first answer the guard is on.
 */
import { FIELD_LABELS } from '@/utils/detection/field-kind-labels';
import type { FieldReport, ReportedKind } from '@/utils/form-checks/field-reports';
import { sendContentRequest as sendRequest } from '@/utils/messaging/content-replies';
import type { Transport } from '@/utils/messaging/send-request';
import type { DetectedForm } from '../detected-form';
import { showDialog } from './assistant-dialog';
import type { AssistantUi } from './assistant-ui';
import { startSubmitGuard } from './submit-guard';

export interface FormSubmitGuardOptions {
  readonly doc: Document;
  readonly signal: AbortSignal;
  readonly transport: Transport;
  readonly ui: AssistantUi;
  readonly form: () => DetectedForm | null;
  /** The field reports as last drawn. */
  readonly reports: () => Partial<Record<ReportedKind, FieldReport>>;
  /** The user's save went through to the page. */
  readonly onSaved: () => void;
}

/** "Routing number: The check digit fails…", one per field that is invalid or mismatched. */
export function reportProblems(form: DetectedForm | null, reports: Partial<Record<ReportedKind, FieldReport>>): string[] {
  if (!form) return [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const field of form.fields) {
    const report = reports[field.kind as ReportedKind];
    if (!report || (report.state !== 'invalid' && report.state !== 'mismatch') || seen.has(field.kind)) continue;
    seen.add(field.kind);
    const message = report.messages.find((m) => m.severity === 'error') ?? report.messages.find((m) => m.severity === 'warning');
    problems.push(`${FIELD_LABELS[field.kind]}: ${message?.text ?? report.chip}`);
  }
  return problems;
}

export function startFormSubmitGuard(options: FormSubmitGuardOptions): void {
  const { doc, signal, transport, ui } = options;
  let enabled = true;
  const readSetting = () =>
    void sendRequest(transport, 'page/settings', {}).then(
      (settings) => (enabled = settings.submitGuard),
      () => {},
    );
  readSetting();
  doc.defaultView?.addEventListener('focus', readSetting, { signal });

  startSubmitGuard({
    doc,
    signal,
    isEnabled: () => enabled,
    problems: () => reportProblems(options.form(), options.reports()),
    onSaved: options.onSaved,
    confirm: async (problems) =>
      (await showDialog(doc, ui.overlay, {
        title: 'Save with these problems?',
        lines: ['The bank form has problems that would make CBP reject the refund or send it elsewhere:'],
        items: problems,
        choices: [
          { value: 'back', label: 'Go back and fix' },
          { value: 'save', label: 'Save anyway' },
        ],
        dismiss: 'back',
      }, signal)) === 'save',
  });
}
