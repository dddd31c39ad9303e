/**
 * The one name of every bank-profile field, for every screen that names one: the profile checks
 * and import reasons, the popup's editor, and (through the page's field kinds,
 * detection/field-kind-labels.ts) the page assistant's badges and messages and the activity log.
 */
export const PROFILE_FIELD_LABELS = {
  schemaVersion: 'Schema version',
  label: 'Profile label',
  importerName: 'Importer legal name',
  importerNumbers: 'Importer number',
  bankName: 'Bank name',
  routingNumber: 'Routing number',
  accountNumber: 'Account number',
  accountConfirmation: 'Account (repeat)',
  accountType: 'Account type',
  accountHolderName: 'Account holder name',
  designatedAgent: 'Designated agent (Form 4811)',
  'designatedAgent.name': 'Designated agent name',
  'designatedAgent.number': 'Designated agent number',
  notes: 'Notes',
  createdAt: 'Created',
  updatedAt: 'Last updated',
  lastVerifiedAt: 'Last verified',
} as const;

export type ProfileFieldKey = keyof typeof PROFILE_FIELD_LABELS;

/**
 * Where the editor's form says it differently: inside the profile's own form "Label" needs no
 * "Profile", the routing number sits beside the bank's other numbers, so it says "Bank", and the
 * repeated account number is asked for. (Elsewhere "Account (repeat)" stays short: on the ACE
 * page its name is a chip above the page's own label, which a longer one would cover.)
 */
export const EDITOR_FIELD_LABELS: Readonly<Record<ProfileFieldKey, string>> = {
  ...PROFILE_FIELD_LABELS,
  label: 'Label',
  routingNumber: 'Bank routing number',
  accountConfirmation: 'Confirm account number',
};

export function isProfileFieldKey(key: string): key is ProfileFieldKey {
  return Object.hasOwn(PROFILE_FIELD_LABELS, key);
}

/** A dotted profile path's name ("designatedAgent.name"), or the path itself if it names no field. */
export function profileFieldLabel(key: string, labels: Readonly<Record<ProfileFieldKey, string>> = PROFILE_FIELD_LABELS): string {
  return isProfileFieldKey(key) ? labels[key] : key;
}
