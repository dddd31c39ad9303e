/**
 * The actions the activity log records, with the words the options page shows for them. Entries
 * name profiles by label and importer number only: never an account number.
 */

export const ACTIVITY_ACTION_LABELS = {
  'vault-setup': 'Vault created',
  'vault-unlock': 'Vault unlocked',
  'vault-unlock-failed': 'Wrong passphrase entered',
  'vault-lock': 'Vault locked',
  'vault-auto-lock': 'Vault locked after inactivity',
  'vault-passphrase-changed': 'Passphrase changed',
  'profile-create': 'Profile created',
  'profile-update': 'Profile updated',
  'profile-delete': 'Profile deleted',
  'profile-restore': 'Profile restored',
  'profiles-import': 'Profiles imported',
  'profiles-export': 'Profiles exported',
  'directory-import': 'FedACH directory imported',
  'verify-on-file': "CBP's file matches the profile",
  'on-file-mismatch': "CBP's file differs from the profile",
  'profile-fill': 'Bank form filled from the profile',
  'profile-fill-cancelled': 'Fill cancelled before any field changed',
  'fill-refused': 'Fill refused',
} as const;

export type ActivityAction = keyof typeof ACTIVITY_ACTION_LABELS;

/** What a caller supplies; the log adds the time. */
export interface ActivityInput {
  readonly action: ActivityAction;
  readonly profileLabel?: string;
  readonly importerNumber?: string;
  readonly page?: string;
  readonly detail?: string;
}
