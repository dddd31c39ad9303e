/**
 * The line beside Save that says what still blocks it, naming the fields as the form labels them
 * (a few by name, more by count).
 */
import { EDITOR_FIELD_LABELS, profileFieldLabel } from '@/utils/bank/field-labels';
import { importerNumberLabel } from '../ImporterNumbersField';

/** A form path ("routingNumber", "importerNumbers.1") as its field is labelled. */
export function editorFieldName(key: string): string {
  const importer = /^importerNumbers\.(\d+)$/.exec(key);
  return importer ? importerNumberLabel(Number(importer[1])) : profileFieldLabel(key, EDITOR_FIELD_LABELS);
}

export function saveNote(errorKeys: readonly string[]): string {
  if (errorKeys.length === 0) return '';
  return errorKeys.length <= 4
    ? `To save, complete or fix: ${errorKeys.map(editorFieldName).join(', ')}.`
    : `To save, complete or fix ${errorKeys.length} fields.`;
}
