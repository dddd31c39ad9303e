/** Plain-English names of the field kinds, shared by the page badges and the popup. */
import type { FieldKind } from '@/utils/detection/field-kinds';

export const FIELD_LABELS: Readonly<Record<FieldKind, string>> = {
  routing: 'Routing number',
  account: 'Account number',
  'account-confirm': 'Account (repeat)',
  'account-type': 'Account type',
  'bank-name': 'Bank name',
  'holder-name': 'Account holder',
  'importer-number': 'Importer number',
};
