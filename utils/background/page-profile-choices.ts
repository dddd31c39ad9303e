/**
 * Which saved profiles an ACE page is compared with (page/compare): the profiles of the
 * importer the page shows (EIN base and suffix both equal), those of the same EIN base under
 * another suffix flagged, and otherwise every profile so the user can still pick one; then the
 * one compared now. A profile is never picked on a base-only match or among several: the user
 * chooses. Pure: the handler supplies the live profiles and the tab's importer numbers.
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
 * honoured only when it is one of the choices offered.
 */
export function choosePageProfile(
  pageNumbers: readonly string[],
  profiles: readonly ProfileIdentity[],
  chosenId?: string,
): PageProfileChoice {
  const result = pageNumbers.length > 0 ? matchImporterProfiles(pageNumbers, profiles) : undefined;
  const match: PageImporterMatch = result?.status ?? 'unknown-importer';
  let choices: ProfileChoice[] = result
    ? [
        ...result.matches.map((found) => ({ ...found, baseOnly: false })),
        ...result.baseOnly.map((found) => ({ ...found, baseOnly: true })),
      ]
    : [];
  if (choices.length === 0) {
    choices = profiles
      .slice(0, MAX_PROFILE_CHOICES)
      .map((profile) => ({ id: profile.id, label: profile.label, importerNumber: profile.importerNumbers[0] ?? '', baseOnly: false }));
  }
  choices = choices.slice(0, MAX_PROFILE_CHOICES);
  const chosen = chosenId === undefined ? undefined : choices.find((choice) => choice.id === chosenId);
  const profile = chosen ?? (result?.status === 'one' ? choices[0] : undefined);
  return profile ? { match, choices, profile } : { match, choices };
}
