/**
 * One profile in the list: a button that opens it in the editor, whose name starts with the
 * label and carries the importer numbers, bank, masked account and last check against CBP's
 * file; next to it the Reveal toggle for the account number.
 */
import type { ProfileSummary } from '@/utils/messaging/shapes';
import { maskAccount } from '@/utils/bank/mask-account';

export interface ProfileRowProps {
  readonly profile: ProfileSummary;
  /** The full account number while revealed. */
  readonly revealedNumber?: string;
  readonly revealPending: boolean;
  readonly onOpen: (id: string) => void;
  readonly onToggleReveal: (profile: ProfileSummary) => void;
}

export function verificationText(profile: ProfileSummary): string | undefined {
  const verification = profile.lastVerification;
  if (!verification) return undefined;
  const day = verification.at.slice(0, 10);
  return verification.result === 'match' ? `Verified on file ${day}` : `Differs from CBP's file (${day})`;
}

export function ProfileRow({ profile, revealedNumber, revealPending, onOpen, onToggleReveal }: ProfileRowProps) {
  const verification = verificationText(profile);
  const revealed = revealedNumber !== undefined;
  return (
    <li class="profile-row">
      <button type="button" class="profile-open" data-profile-id={profile.id} onClick={() => onOpen(profile.id)}>
        <span class="profile-label">{profile.label}</span>{' '}
        <span class="profile-meta">
          {profile.importerNumbers.join(', ')} · {profile.bankName}
        </span>{' '}
        <span class="profile-account">
          Account <span class={revealed ? 'account-digits revealed' : 'account-digits'}>{revealed ? revealedNumber : maskAccount(profile.accountLast4)}</span>
        </span>
        {verification && (
          <>
            {' '}
            <span class={`verification verification-${profile.lastVerification!.result}`}>{verification}</span>
          </>
        )}
      </button>
      <button
        type="button"
        class="reveal"
        aria-pressed={revealed}
        aria-label={`Reveal account number for ${profile.label}`}
        aria-busy={revealPending}
        onClick={() => onToggleReveal(profile)}
      >
        Reveal
      </button>
    </li>
  );
}
