/**
 * The page's field kinds by name, in the words of the profile fields they hold
 * (bank/field-labels.ts): the page assistant's badges and messages and the popup's editor call a
 * field the same.
 */
import { PROFILE_FIELD_LABELS, type ProfileFieldKey } from '@/utils/bank/field-labels';
import type { FieldKind } from './field-kinds';

/** The profile field each field kind of the page holds. */
export const FIELD_KIND_PROFILE_FIELD: Readonly<Record<FieldKind, ProfileFieldKey>> = {
  routing: 'routingNumber',
  account: 'accountNumber',
  'account-confirm': 'accountConfirmation',
  'account-type': 'accountType',
  'bank-name': 'bankName',
  'holder-name': 'accountHolderName',
  'importer-number': 'importerNumbers',
};

/** The page's field kinds by name, for the page assistant's badges and messages. */
export const FIELD_LABELS = Object.fromEntries(
  Object.entries(FIELD_KIND_PROFILE_FIELD).map(([kind, field]) => [kind, PROFILE_FIELD_LABELS[field]]),
) as Readonly<Record<FieldKind, string>>;
