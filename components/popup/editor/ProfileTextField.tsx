/**
 * One text field of the profile editor, wired to the form: labelled as the editor labels its
 * profile field, showing that field's messages, changing the form as typed and counting as
 * visited once left.
 */
import type { FormProblem, ProfileForm } from '@/components/popup/profile-editor-form';
import { EDITOR_FIELD_LABELS, type ProfileFieldKey } from '@/utils/bank/field-labels';
import { TextField, type TextFieldProps } from '../TextField';

/** What every field of the editor is wired to. */
export interface EditorFields {
  readonly form: ProfileForm;
  /** The messages under the field with this path. */
  readonly messagesFor: (path: string) => readonly FormProblem[];
  readonly update: (path: string, change: Partial<ProfileForm>) => void;
  readonly leave: (path: string) => void;
}

type TextKey = { [K in keyof ProfileForm]: ProfileForm[K] extends string ? K : never }[keyof ProfileForm];

interface ProfileTextFieldProps extends Partial<Omit<TextFieldProps, 'id' | 'label' | 'value' | 'problems'>> {
  /** The profile field's path, e.g. "bankName", "designatedAgent.name". */
  readonly path: ProfileFieldKey & string;
  /** Where the form keeps it, when not under the same name. */
  readonly formKey?: TextKey;
  readonly id?: string;
  readonly fields: EditorFields;
}

export function ProfileTextField({ path, formKey = path as TextKey, id = `profile-${path}`, fields, ...extra }: ProfileTextFieldProps) {
  return (
    <TextField
      id={id}
      label={EDITOR_FIELD_LABELS[path]}
      value={fields.form[formKey]}
      problems={fields.messagesFor(path)}
      onValue={(value) => fields.update(path, { [formKey]: value })}
      onLeave={() => fields.leave(path)}
      {...extra}
    />
  );
}
