/**
 * Adding or editing one bank profile. Every field shows the bank core's own messages as the user
 * types (errors block Save, warnings and notes do not); the routing number is looked up in the
 * imported FedACH directory (bank name filled in, "did you mean" suggestions, replaced numbers);
 * another profile with the same routing + account number is pointed out. Escape or Cancel returns
 * to the list, asking first when there are unsaved changes.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { bankControlKeyForAccountType, type AccountType } from '@/utils/bank/account-type';
import { RequestError } from '@/utils/messaging/request-error';
import type { ProfileSummary } from '@/utils/messaging/shapes';
import {
  EMPTY_PROFILE_FORM,
  bankAccountKey,
  fieldHasError,
  formsDiffer,
  checkProfileForm,
  profileFormFromSaved,
  profileInputFromForm,
  visibleProblems,
  type FormProblem,
  type FormProblems,
  type ProfileForm,
  type ProfileKeep,
} from '@/components/popup/profile-editor-form';
import { EDITOR_FIELD_LABELS, profileFieldLabel, type ProfileFieldKey } from '@/utils/bank/field-labels';
import { routingDigitsForLookup } from '@/utils/form-checks/bank-entry-check';
import { DiscardDialog } from './DiscardDialog';
import { FieldMessages } from './FieldMessages';
import { ImporterNumbersField, importerNumberLabel } from './ImporterNumbersField';
import { TextField } from './TextField';
import { errorMessage, useRequest, useServices } from './popup-services';
import { useAutoRemask } from './use-auto-remask';
import { useDirectoryLookup } from './use-directory-lookup';
import { RoutingHelp, directoryMessages, info } from './directory-help';
import { useDuplicateLabels } from './use-duplicate-labels';

interface ProfileEditorProps {
  /** Absent for a new profile. */
  readonly id?: string;
  readonly onSaved: (profile: ProfileSummary) => void;
  readonly onDeleted: (deleted: { id: string; label: string }) => void;
  readonly onClose: () => void;
}

function fieldName(key: string): string {
  const importer = /^importerNumbers\.(\d+)$/.exec(key);
  return importer ? importerNumberLabel(Number(importer[1])) : profileFieldLabel(key, EDITOR_FIELD_LABELS);
}

function groupByPath(problems: readonly { path?: string | undefined; code: string; severity: FormProblem['severity']; message: string }[]): FormProblems {
  const grouped: Record<string, FormProblem[]> = {};
  for (const { path, code, severity, message } of problems) (grouped[path || 'form'] ??= []).push({ code, severity, message });
  return grouped;
}

export function ProfileEditor({ id, onSaved, onDeleted, onClose }: ProfileEditorProps) {
  const request = useRequest();
  const services = useServices();
  const isNew = id === undefined;
  const [loading, setLoading] = useState(!isNew);
  const [loadError, setLoadError] = useState<string | undefined>();
  const [form, setForm] = useState<ProfileForm>(EMPTY_PROFILE_FORM);
  const [initial, setInitial] = useState<ProfileForm>(EMPTY_PROFILE_FORM);
  const [keep, setKeep] = useState<ProfileKeep>({});
  const [visited, setVisited] = useState<ReadonlySet<string>>(new Set());
  const [allVisited, setAllVisited] = useState(!isNew);
  const [serverProblems, setServerProblems] = useState<FormProblems>({});
  const [bankNameFromDirectory, setBankNameFromDirectory] = useState(false);
  const [showAccount, setShowAccount] = useState(false);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const [busy, setBusy] = useState<'saving' | 'deleting' | undefined>();
  const [alert, setAlert] = useState<string | undefined>();
  const heading = useRef<HTMLHeadingElement>(null);
  const labelInput = useRef<HTMLInputElement>(null);
  const routingInput = useRef<HTMLInputElement>(null);
  useAutoRemask(showAccount, () => setShowAccount(false));

  useLayoutEffect(() => {
    if (isNew) labelInput.current?.focus();
    else heading.current?.focus();
  }, []);

  useEffect(() => {
    if (isNew) return;
    let current = true;
    request('profiles/get', { id }).then(
      ({ profile }) => {
        if (!current) return;
        const loaded = profileFormFromSaved(profile);
        setForm(loaded.form);
        setInitial(loaded.form);
        setKeep(loaded.keep);
        setLoading(false);
      },
      (error) => {
        if (!current) return;
        setLoadError(errorMessage(error));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [id]);

  const lookup = useDirectoryLookup(routingDigitsForLookup(form.routingNumber), bankNameFromDirectory ? '' : form.bankName);
  const { problems, directory } = useMemo(() => checkProfileForm(form, lookup), [form, lookup]);
  const duplicates = useDuplicateLabels(bankAccountKey(form), id);

  // The directory's bank name goes into an empty Bank name, and keeps following the routing
  // number for as long as the user has not typed a name of their own.
  useEffect(() => {
    if (!lookup?.found || !lookup.bankName) return;
    if (form.bankName.trim() === '' || bankNameFromDirectory) {
      setForm((previous) => ({ ...previous, bankName: lookup.bankName! }));
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

  function shownFor(key: string): readonly FormProblem[] {
    const own = visibleProblems(problems[key], allVisited || visited.has(key));
    return [...own, ...(serverProblems[key] ?? []), ...extraMessages(key)];
  }

  function update(key: string, change: Partial<ProfileForm>) {
    setForm((previous) => ({ ...previous, ...change }));
    if (serverProblems[key]) {
      const { [key]: _dropped, ...rest } = serverProblems;
      setServerProblems(rest);
    }
  }

  function leave(key: string) {
    if (!visited.has(key)) setVisited(new Set(visited).add(key));
  }

  const errorKeys = Object.keys(problems).filter((key) => fieldHasError(problems[key]));
  const dirty = formsDiffer(form, initial);

  const focusBeforeDialog = useRef<HTMLElement | null>(null);
  // Back to where the user was once the dialog is gone and the form is no longer inert.
  useLayoutEffect(() => {
    if (confirmingDiscard || !focusBeforeDialog.current) return;
    const target = focusBeforeDialog.current.isConnected ? focusBeforeDialog.current : heading.current;
    focusBeforeDialog.current = null;
    target?.focus();
  }, [confirmingDiscard]);

  function requestClose() {
    if (busy) return;
    if (dirty) {
      focusBeforeDialog.current = document.activeElement instanceof HTMLElement ? document.activeElement : heading.current;
      setConfirmingDiscard(true);
    }
    else onClose();
  }

  async function save(event?: Event) {
    event?.preventDefault();
    setAllVisited(true);
    if (errorKeys.length > 0 || busy || loading) return;
    setBusy('saving');
    setAlert(undefined);
    try {
      const now = services.now?.() ?? new Date();
      const payload = { profile: profileInputFromForm(form, keep, now) };
      const { profile } = await request('profiles/save', isNew ? payload : { ...payload, id });
      onSaved(profile);
    } catch (error) {
      if (error instanceof RequestError && error.problems) setServerProblems(groupByPath(error.problems));
      setAlert(errorMessage(error));
      setBusy(undefined);
    }
  }

  async function remove() {
    if (!id || busy) return;
    setBusy('deleting');
    setAlert(undefined);
    try {
      await request('profiles/delete', { id });
      onDeleted({ id, label: initial.label });
    } catch (error) {
      setAlert(errorMessage(error));
      setBusy(undefined);
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && !confirmingDiscard) {
      event.preventDefault();
      requestClose();
    }
  }

  const title = isNew ? 'New profile' : 'Edit profile';
  const formProblems = [...(problems.form ?? []), ...(serverProblems.form ?? [])];
  const saveNote =
    errorKeys.length === 0
      ? ''
      : errorKeys.length <= 4
        ? `To save, complete or fix: ${errorKeys.map(fieldName).join(', ')}.`
        : `To save, complete or fix ${errorKeys.length} fields.`;

  const field = (key: keyof ProfileForm & ProfileFieldKey, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      id={`profile-${key}`}
      label={EDITOR_FIELD_LABELS[key]}
      value={form[key] as string}
      problems={shownFor(key)}
      onValue={(value) => update(key, { [key]: value })}
      onLeave={() => leave(key)}
      {...extra}
    />
  );

  return (
    <section class="view view-editor" aria-labelledby="editor-heading" onKeyDown={onKeyDown}>
      <h1 id="editor-heading" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {!isNew && initial.label && <p class="muted editor-subtitle">{initial.label}</p>}
      {loading && (
        <p class="muted" role="status">
          Loading the profile…
        </p>
      )}
      {loadError && (
        <>
          <p class="notice notice-error" role="alert">
            {loadError}
          </p>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </>
      )}
      {!loading && !loadError && (
        <form class="editor-form" onSubmit={save} noValidate inert={confirmingDiscard}>
          {field('label', { inputRef: labelInput, hint: 'A name you will recognise, e.g. "Acme Imports (main)".' })}
          {field('importerName', { autocomplete: 'organization' })}
          <ImporterNumbersField
            numbers={form.importerNumbers}
            problemsFor={(index) => shownFor(`importerNumbers.${index}`)}
            onChange={(importerNumbers) => update('importerNumbers', { importerNumbers })}
            onLeave={(index) => leave(`importerNumbers.${index}`)}
          />
          <fieldset class="group">
            <legend>Bank account</legend>
            {field('routingNumber', { inputMode: 'numeric', inputRef: routingInput })}
            <RoutingHelp
              directory={directory}
              onUse={(routingNumber) => {
                update('routingNumber', { routingNumber });
                routingInput.current?.focus();
              }}
            />
            <TextField
              id="profile-bankName"
              label={EDITOR_FIELD_LABELS.bankName}
              value={form.bankName}
              problems={shownFor('bankName')}
              onValue={(bankName) => {
                setBankNameFromDirectory(false);
                update('bankName', { bankName });
              }}
              onLeave={() => leave('bankName')}
            />
            {field('accountNumber', {
              type: showAccount ? 'text' : 'password',
              inputMode: 'numeric',
              beside: (
                <button
                  type="button"
                  class="small reveal"
                  aria-pressed={showAccount}
                  aria-label="Reveal digits"
                  onClick={() => setShowAccount(!showAccount)}
                >
                  Reveal
                </button>
              ),
            })}
            {field('accountConfirmation', {
              type: showAccount ? 'text' : 'password',
              inputMode: 'numeric',
              hint: 'Type it again from your bank statement rather than copying it.',
            })}
            <div class="field">
              <label for="profile-accountType">{EDITOR_FIELD_LABELS.accountType}</label>
              <select
                id="profile-accountType"
                value={form.accountType}
                aria-describedby="profile-accountType-messages"
                aria-invalid={fieldHasError(shownFor('accountType'))}
                onChange={(event) => update('accountType', { accountType: event.currentTarget.value as AccountType | '' })}
                onBlur={() => leave('accountType')}
              >
                {form.accountType === '' && <option value="">Choose checking or savings</option>}
                {(['checking', 'savings'] as const).map((type) => (
                  <option key={type} value={type}>
                    {type === 'checking' ? 'Checking' : 'Savings'} (ACE Bank Control Key {bankControlKeyForAccountType(type)})
                  </option>
                ))}
              </select>
              <FieldMessages id="profile-accountType-messages" problems={shownFor('accountType')} />
            </div>
            {field('accountHolderName', { autocomplete: 'organization' })}
          </fieldset>
          <fieldset class="group">
            <legend>Form 4811 designated agent (optional)</legend>
            <p class="hint">Only if refunds go "in care of" an agent named on CBP Form 4811.</p>
            <TextField
              id="profile-agent-name"
              label={EDITOR_FIELD_LABELS['designatedAgent.name']}
              value={form.agentName}
              problems={shownFor('designatedAgent.name')}
              onValue={(agentName) => update('designatedAgent.name', { agentName })}
              onLeave={() => leave('designatedAgent.name')}
            />
            <TextField
              id="profile-agent-number"
              label={EDITOR_FIELD_LABELS['designatedAgent.number']}
              value={form.agentNumber}
              problems={shownFor('designatedAgent.number')}
              onValue={(agentNumber) => update('designatedAgent.number', { agentNumber })}
              onLeave={() => leave('designatedAgent.number')}
            />
          </fieldset>
          {field('notes', { multiline: true })}
          <div class="editor-actions">
            <div role="alert" class="form-error">
              {alert}
              {formProblems.length > 0 && <FieldMessages id="profile-form-messages" problems={formProblems} />}
            </div>
            <p id="save-note" class="muted save-note">
              {saveNote}
            </p>
            <div class="actions">
              <button type="submit" class="primary" disabled={errorKeys.length > 0 || busy !== undefined} aria-describedby="save-note">
                {busy === 'saving' ? 'Saving…' : 'Save profile'}
              </button>
              <button type="button" onClick={requestClose}>
                Cancel
              </button>
              {!isNew && (
                <button type="button" class="danger" onClick={remove} disabled={busy !== undefined}>
                  Delete profile
                </button>
              )}
            </div>
          </div>
        </form>
      )}
      {confirmingDiscard && (
        <DiscardDialog
          onKeep={() => setConfirmingDiscard(false)}
          onDiscard={onClose}
        />
      )}
    </section>
  );
}
