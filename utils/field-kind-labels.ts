/** Plain-English names of the field kinds, shared by the page badges and the popup. */
export const FIELD_LABELS = {
  routing: 'Routing number',
  account: 'Account number',
} as const;
