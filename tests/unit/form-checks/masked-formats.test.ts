import { describe, expect, it } from 'vitest';
import { classifyOnFileValue } from '@/utils/detection/classify-on-file';
import { compareWithProfile } from '@/utils/form-checks/compare-with-profile';
import { compareWithMaskedAccount, readMaskedAccount } from '@/utils/form-checks/masked-account';

const PROFILE = { label: 'Acme main', routingNumber: '021000021', accountNumber: '000123456789', accountType: 'checking' as const };

describe('masked accounts as pages show them', () => {
  it.each([
    ['*****6789', 5],
    ['XXXX6789', 4],
    ['xxxx-xxxx-6789', 8],
    ['••••6789', 4],
    ['●●●● 6789', 4],
    ['∗∗∗∗6789', 4],
    ['…6789', 1],
    ['...6789', 3],
    ['####6789', 4],
    ['ending in 6789', 1],
    ['Ends with: 6789', 1],
  ])('%s shows the last digits 6789', (text, masked) => {
    expect(readMaskedAccount(text)).toEqual({ visibleDigits: '6789', complete: false, maskedCount: masked });
    expect(compareWithMaskedAccount(PROFILE.accountNumber, readMaskedAccount(text)!)).toBe('match');
    expect(compareWithMaskedAccount('000123451234', readMaskedAccount(text)!)).toBe('mismatch');
  });

  it.each(['6789****', 'pending', 'ending soon', '*****'])('%s is no masked account', (text) => {
    expect(readMaskedAccount(text)).toBeUndefined();
  });

  it.each(['*****6789', 'XXXX6789', '••••6789', '●●●●6789', 'ending in 6789'])(
    'a value %s under "Bank Account Number" is the account on file, and compared by its visible digits',
    (text) => {
      expect(classifyOnFileValue('Bank Account Number', text)?.kind).toBe('account');
      expect(compareWithProfile({ account: text }, PROFILE, 'on-file')).toEqual([{ kind: 'account', source: 'on-file', result: 'match' }]);
      expect(compareWithProfile({ account: text.replace('6789', '4321') }, PROFILE, 'on-file')[0]?.result).toBe('mismatch');
    },
  );
});
