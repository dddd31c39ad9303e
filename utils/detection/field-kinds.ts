/**
 * The kinds of bank-form field the detector names, as they appear in the page contract
 * `data-ace-ach-field="<kind>"`, and the shapes of control they come in.
 */

export const FIELD_KINDS = [
  'routing',
  'account',
  'account-confirm',
  'account-type',
  'bank-name',
  'holder-name',
  'importer-number',
] as const;

export type FieldKind = (typeof FIELD_KINDS)[number];

/** How the user enters the value: this decides how a later filler sets it. */
export type FieldControl = 'input' | 'textarea' | 'select' | 'radio-group' | 'combobox';

/** Kinds a read-only "on file" value can have (nobody confirms a value on file). */
export const ON_FILE_KINDS: readonly FieldKind[] = [
  'routing',
  'account',
  'account-type',
  'bank-name',
  'holder-name',
  'importer-number',
];

export function isFieldKind(value: unknown): value is FieldKind {
  return typeof value === 'string' && (FIELD_KINDS as readonly string[]).includes(value);
}
