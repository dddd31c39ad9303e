/**
 * Checking or savings, each with the Bank Control Key ACE shows for it; a new profile starts with
 * neither chosen, so the choice is the user's.
 */
import { bankControlKeyForAccountType, type AccountType } from '@/utils/bank/account-type';
import { EDITOR_FIELD_LABELS } from '@/utils/bank/field-labels';
import { fieldHasError } from '@/components/popup/profile-editor-form';
import { FieldMessages } from '../FieldMessages';
import type { EditorFields } from './ProfileTextField';

export function AccountTypeField({ fields }: { readonly fields: EditorFields }) {
  const value = fields.form.accountType;
  const problems = fields.messagesFor('accountType');
  return (
    <div class="field">
      <label for="profile-accountType">{EDITOR_FIELD_LABELS.accountType}</label>
      <select
        id="profile-accountType"
        value={value}
        aria-describedby="profile-accountType-messages"
        aria-invalid={fieldHasError(problems)}
        onChange={(event) => fields.update('accountType', { accountType: event.currentTarget.value as AccountType | '' })}
        onBlur={() => fields.leave('accountType')}
      >
        {value === '' && <option value="">Choose checking or savings</option>}
        {(['checking', 'savings'] as const).map((type) => (
          <option key={type} value={type}>
            {type === 'checking' ? 'Checking' : 'Savings'} (ACE Bank Control Key {bankControlKeyForAccountType(type)})
          </option>
        ))}
      </select>
      <FieldMessages id="profile-accountType-messages" problems={problems} />
    </div>
  );
}
