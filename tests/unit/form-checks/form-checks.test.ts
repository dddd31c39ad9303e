import { describe, expect, it } from 'vitest';
import { compareWithMaskedAccount, readMaskedAccount } from '@/utils/form-checks/masked-account';
import { compareWithProfile, onFileVerification } from '@/utils/form-checks/compare-with-profile';
import { matchImporterProfiles } from '@/utils/form-checks/match-importer-profiles';

const PROFILE = {
  label: 'Acme main',
  routingNumber: '021000021',
  accountNumber: '000123456789',
  accountType: 'checking' as const,
};

describe('masked account on file', () => {
  it.each([
    ['*****6789', '6789', false, 5],
    ['XXXX6789', '6789', false, 4],
    ['•••• 6789', '6789', false, 4],
    ['000123456789', '000123456789', true, 0],
  ])('%s', (text, visible, complete, masked) => {
    expect(readMaskedAccount(text)).toEqual({ visibleDigits: visible, complete, maskedCount: masked });
  });

  it('is not a masked account when it holds other text', () => {
    expect(readMaskedAccount('not on file')).toBeUndefined();
    expect(readMaskedAccount('6789****')).toBeUndefined();
  });

  it('compares by the visible digits', () => {
    expect(compareWithMaskedAccount('000123456789', readMaskedAccount('*****6789')!)).toBe('match');
    expect(compareWithMaskedAccount('000123456789', { visibleDigits: '', complete: false, maskedCount: 5 })).toBe('unknown');
    expect(readMaskedAccount('*****')).toBeUndefined();
    expect(compareWithMaskedAccount('000123456789', readMaskedAccount('********6789')!)).toBe('match');
    expect(compareWithMaskedAccount('000123456789', readMaskedAccount('*6789')!)).toBe('match');
    expect(compareWithMaskedAccount('000123451234', readMaskedAccount('*****6789')!)).toBe('mismatch');
    expect(compareWithMaskedAccount('000123456789', readMaskedAccount('000123456789')!)).toBe('match');
    expect(compareWithMaskedAccount('000123456789', readMaskedAccount('000123456780')!)).toBe('mismatch');
  });

  it('compares a masked value by its last 4 digits at most: one showing more is not compared', () => {
    expect(compareWithMaskedAccount('000123456789', readMaskedAccount('*****56789')!)).toBe('unknown');
    expect(compareWithMaskedAccount('000123456789', readMaskedAccount('*****06789')!)).toBe('unknown');
    expect(compareWithMaskedAccount('000123456789', readMaskedAccount('****0123456789')!)).toBe('unknown');
    expect(compareWithMaskedAccount('000123456789', readMaskedAccount('ending in 456789')!)).toBe('unknown');
    expect(compareWithMaskedAccount('000123456789', readMaskedAccount('***789')!)).toBe('match');
  });

  it('answers a digit-by-digit guesser nothing beyond the last 4 digits', () => {
    // The attack: extend the known tail by one candidate digit and keep the one that matches.
    const account = '418530927716';
    let known = '';
    for (let position = 0; position < account.length; position++) {
      const matching = [...'0123456789'].filter(
        (digit) => compareWithMaskedAccount(account, readMaskedAccount(`*****${digit}${known}`)!) === 'match',
      );
      if (matching.length !== 1) break;
      known = matching[0]! + known;
    }
    expect(known).toBe(account.slice(-4));
  });
});

describe('compareWithProfile', () => {
  it('matches the same values however the page writes them', () => {
    const verdicts = compareWithProfile(
      { routing: '0210 00021', account: '000123456789', accountType: '01 - Checking' },
      PROFILE,
      'form',
    );
    expect(verdicts.map((v) => v.result)).toEqual(['match', 'match', 'match']);
  });

  it('names each mismatch without the whole account number', () => {
    const verdicts = compareWithProfile(
      { routing: '026009593', account: '000123454321', accountType: 'Savings' },
      PROFILE,
      'form',
    );
    expect(verdicts.map((v) => v.result)).toEqual(['mismatch', 'mismatch', 'mismatch']);
    expect(verdicts[0]!.message).toBe('The form has routing number 026009593; the profile "Acme main" says 021000021.');
    expect(verdicts[1]!.message).toContain('ending 4321');
    expect(verdicts[1]!.message).toContain('ending 6789');
    expect(verdicts.map((v) => v.message).join(' ')).not.toContain('000123454321');
    expect(verdicts.map((v) => v.message).join(' ')).not.toContain('000123456789');
    expect(verdicts[2]!.message).toContain('Savings (02)');
  });

  it('says the last 4 agree when only other digits differ', () => {
    const [verdict] = compareWithProfile({ account: '999123456789' }, PROFILE, 'form');
    expect(verdict!.result).toBe('mismatch');
    expect(verdict!.message).toContain('same last 4 digits');
  });

  it('compares the masked number on file and records the verification', () => {
    const matching = compareWithProfile(
      { routing: '021000021', account: '********6789', accountType: '01 - Checking' },
      PROFILE,
      'on-file',
    );
    expect(onFileVerification(matching)).toBe('match');
    const differing = compareWithProfile({ routing: '021000021', account: '*****1111', accountType: '01' }, PROFILE, 'on-file');
    expect(differing[1]!.message).toBe(
      `CBP's file shows an account number ending 1111; the profile "Acme main" has one ending 6789.`,
    );
    expect(onFileVerification(differing)).toBe('mismatch');
    expect(onFileVerification(compareWithProfile({ routing: '021000021' }, PROFILE, 'on-file'))).toBeUndefined();
  });

  it('leaves unreadable values unknown (the format checks speak for them)', () => {
    const verdicts = compareWithProfile({ routing: '0210', account: '12a4', accountType: 'maybe' }, PROFILE, 'form');
    expect(verdicts.map((v) => v.result)).toEqual(['unknown', 'unknown', 'unknown']);
  });
});

describe('matchImporterProfiles', () => {
  const profiles = [
    { id: 'a', label: 'Acme main', importerNumbers: ['12-345678900'] },
    { id: 'b', label: 'Acme west', importerNumbers: ['12-345678901'] },
    { id: 'c', label: 'Globex 1', importerNumbers: ['98-765432100'] },
    { id: 'd', label: 'Globex 2', importerNumbers: ['98-765432100', '123-45-6789'] },
  ];

  it('picks the one profile with the same EIN and suffix', () => {
    const result = matchImporterProfiles(['12-345678900'], profiles);
    expect(result.status).toBe('one');
    expect(result.matches.map((m) => m.id)).toEqual(['a']);
    expect(result.baseOnly.map((m) => m.id)).toEqual(['b']);
  });

  it('says so when several match', () => {
    expect(matchImporterProfiles(['98-765432100'], profiles).status).toBe('several');
  });

  it('offers base-only matches apart, never as the match', () => {
    const result = matchImporterProfiles(['12-3456789AB'], profiles);
    expect(result.status).toBe('base-only');
    expect(result.baseOnly.map((m) => m.id).sort()).toEqual(['a', 'b']);
  });

  it('finds nothing for another importer', () => {
    expect(matchImporterProfiles(['55-555555500'], profiles).status).toBe('none');
  });
});
