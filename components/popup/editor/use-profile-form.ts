/**
 * The form the editor works on: empty for a new profile, else the saved profile loaded from the
 * background, with the form as loaded (what "unsaved changes" compares with) and what the form
 * does not edit but a save keeps (creation and verification dates).
 */
import { useEffect, useState } from 'preact/hooks';
import { EMPTY_PROFILE_FORM, profileFormFromSaved, type ProfileForm, type ProfileKeep } from '@/components/popup/profile-editor-form';
import { errorMessage, useRequest } from '../popup-services';

export interface ProfileFormState {
  readonly loading: boolean;
  /** Why the saved profile could not be loaded. */
  readonly loadError: string | undefined;
  readonly form: ProfileForm;
  /** The form as loaded (empty for a new profile). */
  readonly initial: ProfileForm;
  readonly keep: ProfileKeep;
  readonly change: (change: Partial<ProfileForm>) => void;
}

/** `id`: the saved profile's, absent for a new one. */
export function useProfileForm(id: string | undefined): ProfileFormState {
  const request = useRequest();
  const [loading, setLoading] = useState(id !== undefined);
  const [loadError, setLoadError] = useState<string | undefined>();
  const [form, setForm] = useState<ProfileForm>(EMPTY_PROFILE_FORM);
  const [initial, setInitial] = useState<ProfileForm>(EMPTY_PROFILE_FORM);
  const [keep, setKeep] = useState<ProfileKeep>({});

  useEffect(() => {
    if (id === undefined) return;
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

  return { loading, loadError, form, initial, keep, change: (change) => setForm((previous) => ({ ...previous, ...change })) };
}
