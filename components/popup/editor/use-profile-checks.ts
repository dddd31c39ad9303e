/**
 * What the editor says about the form as it is typed: the bank core's problems per field (errors
 * block Save), the FedACH directory's answer for the routing number (its bank name goes into an
 * empty Bank name and follows the routing number until the user types a name of their own), and
 * the other profiles with the same bank account.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  bankAccountKey,
  checkProfileForm,
  fieldHasError,
  visibleProblems,
  type FormProblem,
  type FormProblems,
  type ProfileForm,
} from '@/components/popup/profile-editor-form';
import { routingDigitsForLookup, type DirectoryReport } from '@/utils/form-checks/bank-entry-check';
import { directoryMessages, info } from '../directory-help';
import { useDirectoryLookup } from '../use-directory-lookup';
import { useDuplicateLabels } from '../use-duplicate-labels';

export interface ProfileChecks {
  readonly problems: FormProblems;
  /** The fields whose errors block Save. */
  readonly errorKeys: readonly string[];
  /** What the bank-entry check makes of the directory's facts for the routing number. */
  readonly directory: DirectoryReport | undefined;
  /** A field's messages: its own problems (once `shown`), the background's refusal, then the directory's and others' words. */
  readonly messagesFor: (key: string, shown: boolean, refused: readonly FormProblem[]) => readonly FormProblem[];
  /** The user typed a bank name: the directory's no longer replaces it. */
  readonly bankNameTyped: () => void;
}

/** `id`: the profile's own, which is not its own duplicate. */
export function useProfileChecks(form: ProfileForm, change: (change: Partial<ProfileForm>) => void, id: string | undefined): ProfileChecks {
  const [bankNameFromDirectory, setBankNameFromDirectory] = useState(false);
  const lookup = useDirectoryLookup(routingDigitsForLookup(form.routingNumber), bankNameFromDirectory ? '' : form.bankName);
  const { problems, directory } = useMemo(() => checkProfileForm(form, lookup), [form, lookup]);
  const duplicates = useDuplicateLabels(bankAccountKey(form), id);

  useEffect(() => {
    if (!lookup?.found || !lookup.bankName) return;
    if (form.bankName.trim() === '' || bankNameFromDirectory) {
      change({ bankName: lookup.bankName });
      setBankNameFromDirectory(true);
    }
  }, [lookup]);

  function extraMessages(key: string): FormProblem[] {
    switch (key) {
      case 'routingNumber':
        return directoryMessages(directory);
      case 'bankName':
        if (bankNameFromDirectory && lookup?.found) return [info('directory.filled', 'Filled in from your FedACH directory.')];
        if (lookup?.found && lookup.bankName && form.bankName.trim().toUpperCase() !== lookup.bankName.trim().toUpperCase()) {
          return [info('directory.other-name', `Your FedACH directory lists this routing number as ${lookup.bankName}.`)];
        }
        return [];
      case 'accountNumber':
        return duplicates.length > 0
          ? [{ code: 'profile.duplicate-account', severity: 'warning', message: `Same bank account as: ${duplicates.join(', ')}` }]
          : [];
      default:
        return [];
    }
  }

  function messagesFor(key: string, shown: boolean, refused: readonly FormProblem[]): readonly FormProblem[] {
    return [...visibleProblems(problems[key], shown), ...refused, ...extraMessages(key)];
  }

  return {
    problems,
    errorKeys: Object.keys(problems).filter((key) => fieldHasError(problems[key])),
    directory,
    messagesFor,
    bankNameTyped: () => setBankNameFromDirectory(false),
  };
}
