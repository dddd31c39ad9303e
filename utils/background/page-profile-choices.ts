/**
 * Which saved profiles an ACE page is compared with (page/compare): the profiles of the
 * importer the page shows (EIN base and suffix both equal), those of the same EIN base under
 * another suffix flagged; then the one compared now. A profile is never picked on a base-only
 * match or among several: the user chooses. When no profile is the page's importer's, the page
 * is offered none: a content script learns only about the page's own importer, and the user
 * picks any other profile in the picker, an extension page (its choice then comes back as
 * `chosenId`). Pure: the handler supplies the live profiles and the tab's importer numbers.
 */
import { matchImporterProfiles, type ProfileIdentity } from '@/utils/form-checks/match-importer-profiles';

/** The page shows this many at most; past that, the user finds the profile in the popup. */
export const MAX_PROFILE_CHOICES = 200;

export type PageImporterMatch = 'one' | 'several' | 'base-only' | 'none' | 'unknown-importer';

export interface ProfileChoice {
  readonly id: string;
  readonly label: string;
  readonly importerNumber: string;
  /** Same EIN, other suffix: very likely not the enrolment the page is about. */
  readonly baseOnly: boolean;
}

export interface PageProfileChoice {
  readonly match: PageImporterMatch;
  readonly choices: ProfileChoice[];
  /** The profile to compare with; absent when the user has to choose. */
  readonly profile?: ProfileChoice;
}

/**
 * `profiles` in the order the user should see them (by label); `chosenId` is the user's choice,
 * honoured when it is one of the choices offered or, with none offered, any profile.
 */
export function choosePageProfile(
  pageNumbers: readonly string[],
  profiles: readonly ProfileIdentity[],
  chosenId?: string,
): PageProfileChoice {
  const result = pageNumbers.length > 0 ? matchImporterProfiles(pageNumbers, profiles) : undefined;
  const match: PageImporterMatch = result?.status ?? 'unknown-importer';
  const choices: ProfileChoice[] = result
    ? [
        ...result.matches.map((found) => ({ ...found, baseOnly: false })),
        ...result.baseOnly.map((found) => ({ ...found, baseOnly: true })),
      ].slice(0, MAX_PROFILE_CHOICES)
    : [];
  let chosen = chosenId === undefined ? undefined : choices.find((choice) => choice.id === chosenId);
  if (chosenId !== undefined && choices.length === 0) {
    // No profile is the importer's: the user's pick in the picker stands, whichever it is.
    const picked = profiles.find((profile) => profile.id === chosenId);
    if (picked) chosen = { id: picked.id, label: picked.label, importerNumber: picked.importerNumbers[0] ?? '', baseOnly: false };
  }
  const profile = chosen ?? (result?.status === 'one' ? choices[0] : undefined);
  return profile ? { match, choices, profile } : { match, choices };
}
