import { describe, expect, it } from 'vitest';
import { EDITOR_FIELD_LABELS, PROFILE_FIELD_LABELS, profileFieldLabel } from '@/utils/bank/field-labels';
import { FIELD_KIND_PROFILE_FIELD, FIELD_LABELS } from '@/utils/detection/field-kind-labels';
import { FIELD_KINDS } from '@/utils/detection/field-kinds';

describe('one name per field', () => {
  it('names each field kind of the page by the profile field it holds', () => {
    expect(FIELD_LABELS).toEqual({
      routing: 'Routing number',
      account: 'Account number',
      'account-confirm': 'Account (repeat)',
      'account-type': 'Account type',
      'bank-name': 'Bank name',
      'holder-name': 'Account holder name',
      'importer-number': 'Importer number',
    });
    for (const kind of FIELD_KINDS) expect(FIELD_LABELS[kind]).toBe(PROFILE_FIELD_LABELS[FIELD_KIND_PROFILE_FIELD[kind]]);
  });

  it("lets the editor's form differ only where its context says the rest", () => {
    const differing = Object.keys(EDITOR_FIELD_LABELS).filter(
      (key) => EDITOR_FIELD_LABELS[key as keyof typeof EDITOR_FIELD_LABELS] !== PROFILE_FIELD_LABELS[key as keyof typeof PROFILE_FIELD_LABELS],
    );
    expect(differing).toEqual(['label', 'routingNumber', 'accountConfirmation']);
  });

  it('names a dotted path, and leaves a path that names no field as it is', () => {
    expect(profileFieldLabel('designatedAgent.name')).toBe('Designated agent name');
    expect(profileFieldLabel('routingNumber', EDITOR_FIELD_LABELS)).toBe('Bank routing number');
    expect(profileFieldLabel('extra.thing')).toBe('extra.thing');
    expect(profileFieldLabel('toString')).toBe('toString');
  });
});
