import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkAccountNumber } from '../../../utils/bank/account-number';
import { checkImporterNumber } from '../../../utils/bank/importer-number';
import { BANK_PROFILE_SCHEMA_VERSION, parseBankProfile } from '../../../utils/bank/profile-schema';
import type { BankProfileInput } from '../../../utils/bank/profile-schema';
import { checkRoutingNumber } from '../../../utils/bank/routing-number';
import { digitString, PROPERTY_TIMEOUT, RUNS, validImporterNumber, validRoutingNumber } from './arbitraries';

const valid: BankProfileInput = {
  schemaVersion: 1,
  label: '  ACME main  ',
  importerName: 'ACME Trading LLC',
  importerNumbers: ['12-345678900', '12 3456789 01'],
  bankName: 'JPMorgan Chase Bank',
  routingNumber: '021 000 021',
  accountNumber: '000123456789',
  accountType: 'checking',
  accountHolderName: 'ACME Trading LLC',
  designatedAgent: { name: 'Broker Co', number: '98-7654321AB' },
  notes: 'Enrolled 2026-02-10.',
  createdAt: '2026-02-06T15:04:05.000Z',
  updatedAt: '2026-02-07T09:00:00Z',
  lastVerifiedAt: '2026-02-07T09:00:00.000Z',
};

const problemsOf = (input: unknown) => {
  const result = parseBankProfile(input);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
};

describe('parseBankProfile', { timeout: PROPERTY_TIMEOUT }, () => {
  it('accepts a valid profile and stores numbers in normalised form, text trimmed', () => {
    const result = parseBankProfile(valid);
    expect(result).toEqual({
      ok: true,
      warnings: [],
      profile: {
        ...valid,
        label: 'ACME main',
        importerNumbers: ['12-345678900', '12-345678901'],
        routingNumber: '021000021',
        designatedAgent: { name: 'Broker Co', number: '98-7654321AB' },
      },
    });
  });

  it('needs no agent, notes or last-verified time, and drops unknown keys', () => {
    const { designatedAgent: _agent, notes: _notes, lastVerifiedAt: _verified, ...minimal } = valid;
    const result = parseBankProfile({ ...minimal, somethingElse: true });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.profile).not.toHaveProperty('somethingElse');
  });

  it('reports field problems with the very codes and words of the field checks', () => {
    const problems = problemsOf({ ...valid, routingNumber: '021000022', accountNumber: '12O', importerNumbers: ['12-3456789', '12-345678900'] });
    expect(problems).toEqual([
      { ...checkImporterNumber('12-3456789').problems[0], path: 'importerNumbers.0' },
      { ...checkRoutingNumber('021000022').problems[0], path: 'routingNumber' },
      { ...checkAccountNumber('12O').problems[0], path: 'accountNumber' },
    ]);
    expect(problems[1]).toMatchObject({ code: 'routing.checksum', severity: 'error' });
    expect(problems[2]).toMatchObject({ code: 'char.letter', position: 3 });
  });

  it('reports every problem at once, each with its path', () => {
    const problems = problemsOf({
      schemaVersion: 1,
      label: '   ',
      importerName: 7,
      importerNumbers: [],
      routingNumber: '80' + '0000000',
      accountNumber: '1'.repeat(18),
      accountType: '01',
      accountHolderName: 'x'.repeat(141),
      designatedAgent: { name: 'Agent', number: '12-3456789OI' },
      createdAt: 'yesterday',
      updatedAt: 1760000000000,
    });
    expect(problems.map(({ path, code }) => [path, code])).toEqual([
      ['label', 'profile.required'],
      ['importerName', 'profile.not-text'],
      ['importerNumbers', 'profile.importer-numbers-empty'],
      ['bankName', 'profile.required'],
      ['routingNumber', 'routing.prefix-travelers-cheque'],
      ['routingNumber', 'routing.checksum'],
      ['accountNumber', 'account.too-long'],
      ['accountType', 'profile.account-type'],
      ['accountHolderName', 'profile.too-long'],
      ['designatedAgent.number', 'importer.suffix-letter'],
      ['createdAt', 'profile.timestamp'],
      ['updatedAt', 'profile.not-text'],
    ]);
    const byPath = Object.fromEntries(problems.map((problem) => [problem.path, problem.message]));
    expect(byPath).toMatchObject({
      label: 'Profile label: enter a value.',
      importerName: "Importer legal name: must be text.",
      importerNumbers: 'Add at least one importer number.',
      bankName: 'Bank name: enter a value.',
      accountType: 'Account type: choose checking (Bank Control Key 01) or savings (Bank Control Key 02).',
      accountHolderName: 'Account holder name: keep it to 140 characters or fewer.',
      createdAt: 'Created: expected a UTC date and time such as 2026-02-06T15:04:05.000Z.',
    });
  });

  it('refuses what is not a profile, and profiles of another schema version', () => {
    expect(problemsOf(null)).toEqual([{ code: 'profile.not-object', severity: 'error', message: 'This is not a saved bank profile.', path: '' }]);
    expect(problemsOf('profile')[0]?.code).toBe('profile.not-object');
    expect(problemsOf({ ...valid, schemaVersion: 2 })).toEqual([
      {
        code: 'profile.schema-version',
        severity: 'error',
        path: 'schemaVersion',
        message: 'This profile has schema version 2, which this version of ACE ACH Assist cannot read; update the extension.',
      },
    ]);
    // An object whose toString is not a function cannot be turned into text: still no throw.
    expect(problemsOf({ ...valid, schemaVersion: { toString: {} } })).toEqual([
      expect.objectContaining({ code: 'profile.schema-version', message: expect.stringContaining('schema version an object,') }),
    ]);
    expect(problemsOf({ ...valid, schemaVersion: [3] })[0]?.message).toContain('schema version a list,');
    const { schemaVersion: _version, ...unversioned } = valid;
    expect(problemsOf(unversioned)[0]).toMatchObject({ path: 'schemaVersion', code: 'profile.required', message: 'Schema version: enter a value.' });
    expect(BANK_PROFILE_SCHEMA_VERSION).toBe(1);
  });

  it('names the agent fields in their messages', () => {
    expect(problemsOf({ ...valid, designatedAgent: { name: '', number: '12-345678900' } })).toEqual([
      { code: 'profile.required', severity: 'error', path: 'designatedAgent.name', message: "Designated agent name: enter a value." },
    ]);
    expect(problemsOf({ ...valid, designatedAgent: { name: 'A' } })[0]).toMatchObject({
      path: 'designatedAgent.number',
      code: 'profile.required',
      message: "Designated agent number: enter a value.",
    });
  });

  it('refuses impossible dates written in the right shape', () => {
    expect(problemsOf({ ...valid, updatedAt: '2026-13-45T99:00:00Z' })[0]).toMatchObject({ path: 'updatedAt', code: 'profile.timestamp' });
    expect(problemsOf({ ...valid, updatedAt: '2026-02-06T15:04:05+01:00' })[0]).toMatchObject({ code: 'profile.timestamp' });
  });

  it('returns the account warnings that compare it with the routing number', () => {
    const result = parseBankProfile({ ...valid, accountNumber: '021000021' });
    expect(result).toMatchObject({ ok: true, warnings: [{ path: 'accountNumber', code: 'account.is-routing', severity: 'warning' }] });
  });
});

describe('parseBankProfile: properties', { timeout: PROPERTY_TIMEOUT }, () => {
  it('never throws, on any JSON value or on a profile with any field replaced by anything', () => {
    const keys = Object.keys(valid);
    // Shallow values are enough to reach every branch; deep ones only cost time.
    const value = fc.anything({ maxDepth: 2, maxKeys: 4 });
    fc.assert(
      fc.property(fc.oneof(value, fc.constantFrom(...keys).chain((key) => value.map((v) => ({ ...valid, [key]: v })))), (input) => {
        const result = parseBankProfile(input);
        return (
          result.ok ||
          (result.problems.length > 0 &&
            result.problems.every((problem) => typeof problem.path === 'string' && problem.message.length > 0 && problem.severity === 'error'))
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('valid profiles round-trip: parsing a parsed profile changes nothing', () => {
    const profile = fc.record({
      routingNumber: validRoutingNumber,
      accountNumber: digitString(4, 17),
      importerNumbers: fc.array(validImporterNumber.map((n) => n.toLowerCase()), { minLength: 1, maxLength: 3 }),
      accountType: fc.constantFrom('checking' as const, 'savings' as const),
      label: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((text) => text.trim().length > 0),
    });
    fc.assert(
      fc.property(profile, (fields) => {
        const first = parseBankProfile({ ...valid, ...fields });
        return (
          first.ok &&
          first.profile.routingNumber === fields.routingNumber &&
          first.profile.accountNumber === fields.accountNumber &&
          first.profile.importerNumbers.join() === fields.importerNumbers.map((n) => n.toUpperCase()).join() &&
          isDeepStrictEqual(parseBankProfile(first.profile), first)
        );
      }),
      { numRuns: RUNS },
    );
  });
});
