/**
 * Saving and deleting the profile: one request at a time, the background's refusal shown as an
 * alert and its problems under their fields (until that field is changed again).
 */
import { useState } from 'preact/hooks';
import { profileInputFromForm, type FormProblem, type FormProblems, type ProfileForm, type ProfileKeep } from '@/components/popup/profile-editor-form';
import { RequestError } from '@/utils/messaging/request-error';
import type { ProfileSummary } from '@/utils/messaging/shapes';
import { errorMessage, useRequest, useServices } from '../popup-services';

type PathProblem = { path?: string | undefined; code: string; severity: FormProblem['severity']; message: string };

/** The background's problems by field path; those without a path are the form's. */
export function groupByPath(problems: readonly PathProblem[]): FormProblems {
  const grouped: Record<string, FormProblem[]> = {};
  for (const { path, code, severity, message } of problems) (grouped[path || 'form'] ??= []).push({ code, severity, message });
  return grouped;
}

export interface ProfileSaving {
  readonly busy: 'saving' | 'deleting' | undefined;
  readonly alert: string | undefined;
  /** What the background refused, by field path. */
  readonly serverProblems: FormProblems;
  /** The field changed: its refusal no longer applies. */
  readonly changed: (key: string) => void;
  readonly save: (form: ProfileForm, keep: ProfileKeep) => Promise<void>;
  readonly remove: (label: string) => Promise<void>;
}

interface SavingProps {
  /** Absent for a new profile. */
  readonly id: string | undefined;
  readonly onSaved: (profile: ProfileSummary) => void;
  readonly onDeleted: (deleted: { id: string; label: string }) => void;
}

export function useProfileSaving({ id, onSaved, onDeleted }: SavingProps): ProfileSaving {
  const request = useRequest();
  const services = useServices();
  const [busy, setBusy] = useState<'saving' | 'deleting' | undefined>();
  const [alert, setAlert] = useState<string | undefined>();
  const [serverProblems, setServerProblems] = useState<FormProblems>({});

  async function save(form: ProfileForm, keep: ProfileKeep) {
    if (busy) return;
    setBusy('saving');
    setAlert(undefined);
    try {
      const now = services.now?.() ?? new Date();
      const payload = { profile: profileInputFromForm(form, keep, now) };
      const { profile } = await request('profiles/save', id === undefined ? payload : { ...payload, id });
      onSaved(profile);
    } catch (error) {
      if (error instanceof RequestError && error.problems) setServerProblems(groupByPath(error.problems));
      setAlert(errorMessage(error));
      setBusy(undefined);
    }
  }

  async function remove(label: string) {
    if (!id || busy) return;
    setBusy('deleting');
    setAlert(undefined);
    try {
      await request('profiles/delete', { id });
      onDeleted({ id, label });
    } catch (error) {
      setAlert(errorMessage(error));
      setBusy(undefined);
    }
  }

  function changed(key: string) {
    if (!serverProblems[key]) return;
    const { [key]: _dropped, ...rest } = serverProblems;
    setServerProblems(rest);
  }

  return { busy, alert, serverProblems, changed, save, remove };
}
