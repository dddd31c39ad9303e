/**
 * Reads what the page's bank fields hold, whatever the control: text inputs, a native select,
 * a radio group, or a Lightning combobox showing its choice on a button.
 */
import type { FormValues } from '@/utils/form-checks/field-reports';
import type { PageBankValues } from '@/utils/form-checks/compare-with-profile';
import type { DetectedField, DetectedForm } from '../detected-form';

function choiceText(field: DetectedField): string {
  const element = field.element;
  if (field.control === 'select' && element instanceof HTMLSelectElement) {
    const option = element.selectedOptions[0];
    return option && option.value !== '' ? `${option.value} ${option.text}` : '';
  }
  if (field.control === 'radio-group') {
    const radios = (field.elements ?? [element]) as HTMLInputElement[];
    const checked = radios.find((radio) => radio.checked);
    if (!checked) return '';
    const labels = Array.from(checked.labels ?? []).map((label) => label.textContent ?? '');
    return `${checked.value} ${labels.join(' ')}`.trim();
  }
  if (element instanceof HTMLInputElement) return element.value;
  // A combobox button shows the chosen option's text (or its placeholder, which reads as nothing).
  return element.textContent?.trim() ?? '';
}

export function fieldValue(field: DetectedField): string {
  if (field.control === 'input' || field.control === 'textarea') {
    return (field.element as HTMLInputElement | HTMLTextAreaElement).value;
  }
  return choiceText(field);
}

export function readFormValues(form: DetectedForm): FormValues {
  const values: FormValues = {};
  for (const field of form.fields) {
    const value = fieldValue(field);
    switch (field.kind) {
      case 'routing': values.routing = value; break;
      case 'account': values.account = value; break;
      case 'account-confirm': values.accountConfirm = value; break;
      case 'account-type': values.accountType = value; break;
      case 'importer-number': values.importerNumber = value; break;
      default: break;
    }
  }
  return values;
}

export function readOnFileValues(form: DetectedForm): PageBankValues {
  const values: { routing?: string; account?: string; accountType?: string } = {};
  for (const onFile of form.onFile) {
    if (onFile.kind === 'routing') values.routing = onFile.text;
    if (onFile.kind === 'account') values.account = onFile.text;
    if (onFile.kind === 'account-type') values.accountType = onFile.text;
  }
  return values;
}
