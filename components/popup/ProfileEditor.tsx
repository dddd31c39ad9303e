/**
 * Adding or editing one bank profile. Every field shows the bank core's own messages as the user
 * types (errors block Save, warnings and notes do not); the routing number is looked up in the
 * imported FedACH directory (bank name filled in, "did you mean" suggestions, replaced numbers);
 * another profile with the same routing + account number is pointed out. Escape or Cancel returns
 * to the list, asking first when there are unsaved changes.
 *
 * The parts, in editor/: the form and its loading (use-profile-form), when a field's problems
 * show (use-field-visits), the checks (use-profile-checks), saving and deleting
 * (use-profile-saving), the question before leaving (use-discard-question), the note beside Save
 * (save-note), and the groups of fields and the footer.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { formsDiffer } from '@/components/popup/profile-editor-form';
import type { ProfileSummary } from '@/utils/messaging/shapes';
import { DiscardDialog } from './DiscardDialog';
import { ImporterNumbersField } from './ImporterNumbersField';
import { RoutingHelp } from './directory-help';
import { AccountNumberFields } from './editor/AccountNumberFields';
import { AccountTypeField } from './editor/AccountTypeField';
import { AgentFields } from './editor/AgentFields';
import { EditorActions } from './editor/EditorActions';
import { ProfileTextField, type EditorFields } from './editor/ProfileTextField';
import { saveNote } from './editor/save-note';
import { useDiscardQuestion } from './editor/use-discard-question';
import { useFieldVisits } from './editor/use-field-visits';
import { useProfileChecks } from './editor/use-profile-checks';
import { useProfileForm } from './editor/use-profile-form';
import { useProfileSaving } from './editor/use-profile-saving';

interface ProfileEditorProps {
  /** Absent for a new profile. */
  readonly id?: string;
  readonly onSaved: (profile: ProfileSummary) => void;
  readonly onDeleted: (deleted: { id: string; label: string }) => void;
  readonly onClose: () => void;
}

export function ProfileEditor({ id, onSaved, onDeleted, onClose }: ProfileEditorProps) {
  const isNew = id === undefined;
  const { loading, loadError, form, initial, keep, change } = useProfileForm(id);
  const visits = useFieldVisits(!isNew);
  const saving = useProfileSaving({ id, onSaved, onDeleted });
  const checks = useProfileChecks(form, change, id);
  const heading = useRef<HTMLHeadingElement>(null);
  const labelInput = useRef<HTMLInputElement>(null);
  const routingInput = useRef<HTMLInputElement>(null);
  const discard = useDiscardQuestion(formsDiffer(form, initial), onClose, heading);

  useLayoutEffect(() => {
    if (isNew) labelInput.current?.focus();
    else heading.current?.focus();
  }, []);

  const fields: EditorFields = {
    form,
    messagesFor: (path) => checks.messagesFor(path, visits.visited(path), saving.serverProblems[path] ?? []),
    update: (path, changed) => {
      change(changed);
      saving.changed(path);
    },
    leave: visits.leave,
  };

  function requestClose() {
    if (!saving.busy) discard.requestClose();
  }

  function save(event: Event) {
    event.preventDefault();
    visits.visitAll();
    if (checks.errorKeys.length === 0 && !loading) void saving.save(form, keep);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && !discard.asking) {
      event.preventDefault();
      requestClose();
    }
  }

  return (
    <section class="view view-editor" aria-labelledby="editor-heading" onKeyDown={onKeyDown}>
      <h1 id="editor-heading" ref={heading} tabIndex={-1}>
        {isNew ? 'New profile' : 'Edit profile'}
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
        <form class="editor-form" onSubmit={save} noValidate inert={discard.asking}>
          <ProfileTextField path="label" fields={fields} inputRef={labelInput} hint='A name you will recognise, e.g. "Acme Imports (main)".' />
          <ProfileTextField path="importerName" fields={fields} autocomplete="organization" />
          <ImporterNumbersField
            numbers={form.importerNumbers}
            problemsFor={(index) => fields.messagesFor(`importerNumbers.${index}`)}
            onChange={(importerNumbers) => fields.update('importerNumbers', { importerNumbers })}
            onLeave={(index) => visits.leave(`importerNumbers.${index}`)}
          />
          <fieldset class="group">
            <legend>Bank account</legend>
            <ProfileTextField path="routingNumber" fields={fields} inputMode="numeric" inputRef={routingInput} />
            <RoutingHelp
              directory={checks.directory}
              onUse={(routingNumber) => {
                fields.update('routingNumber', { routingNumber });
                routingInput.current?.focus();
              }}
            />
            <ProfileTextField
              path="bankName"
              fields={fields}
              autocomplete="off"
              onValue={(bankName) => {
                checks.bankNameTyped();
                fields.update('bankName', { bankName });
              }}
            />
            <AccountNumberFields fields={fields} />
            <AccountTypeField fields={fields} />
            <ProfileTextField path="accountHolderName" fields={fields} autocomplete="organization" />
          </fieldset>
          <AgentFields fields={fields} />
          <ProfileTextField path="notes" fields={fields} multiline />
          <EditorActions
            saving={saving}
            formProblems={[...(checks.problems.form ?? []), ...(saving.serverProblems.form ?? [])]}
            saveNote={saveNote(checks.errorKeys)}
            canSave={checks.errorKeys.length === 0}
            onCancel={requestClose}
            onDelete={isNew ? undefined : () => void saving.remove(initial.label)}
          />
        </form>
      )}
      {discard.asking && <DiscardDialog onKeep={discard.keepEditing} onDiscard={onClose} />}
    </section>
  );
}
