/**
 * The editor's footer, always in view: the alert for a refused save or delete and the form-wide
 * problems, the note saying what still blocks Save, then Save, Cancel and (for a saved profile)
 * Delete.
 */
import type { FormProblem } from '@/components/popup/profile-editor-form';
import { FieldMessages } from '../FieldMessages';
import type { ProfileSaving } from './use-profile-saving';

interface EditorActionsProps {
  readonly saving: Pick<ProfileSaving, 'alert' | 'busy'>;
  readonly formProblems: readonly FormProblem[];
  readonly saveNote: string;
  readonly canSave: boolean;
  readonly onCancel: () => void;
  /** Absent for a new profile. */
  readonly onDelete: (() => void) | undefined;
}

export function EditorActions({ saving, formProblems, saveNote, canSave, onCancel, onDelete }: EditorActionsProps) {
  const { alert, busy } = saving;
  return (
    <div class="editor-actions">
      <div role="alert" class="form-error">
        {alert}
        {formProblems.length > 0 && <FieldMessages id="profile-form-messages" problems={formProblems} />}
      </div>
      <p id="save-note" class="muted save-note">
        {saveNote}
      </p>
      <div class="actions">
        <button type="submit" class="primary" disabled={!canSave || busy !== undefined} aria-describedby="save-note">
          {busy === 'saving' ? 'Saving…' : 'Save profile'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {onDelete && (
          <button type="button" class="danger" onClick={onDelete} disabled={busy !== undefined}>
            Delete profile
          </button>
        )}
      </div>
    </div>
  );
}
