import { describe, expect, it } from 'vitest';
import { classifyField } from '@/utils/detection/classify-field';
import { meaningfulIdentifier } from '@/utils/detection/generated-id';

describe('generated ids', () => {
  it.each([
    ['WD011B', ''],
    ['WD0ABA1', ''],
    ['WD0112-r', 'r'],
    ['__input0-inner', 'inner'],
    ['__xmlview0--bankKey-inner', 'bankKey-inner'],
    ['field-3f2a9c1d', 'field'],
    ['bank_routing_number', 'bank-routing-number'],
    ['P0009-BANKL', 'P0009-BANKL'],
  ])('%s keeps %j', (id, kept) => {
    expect(meaningfulIdentifier(id)).toBe(kept);
  });

  it('names no field from a generated id, and still from a written one', () => {
    expect(classifyField({ control: 'input', id: 'WD0ABA1', name: 'WD0ABA1' })).toBeNull();
    expect(classifyField({ control: 'input', id: 'abaRoutingNumber' })?.kind).toBe('routing');
    expect(classifyField({ control: 'input', name: '__xmlview0--bankAccountNumber-inner' })?.kind).toBe('account');
    expect(classifyField({ control: 'input', name: 'P0009-BANKL' })?.kind).toBe('routing');
  });
});
