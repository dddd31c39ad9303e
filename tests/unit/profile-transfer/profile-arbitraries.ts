/**
 * Valid bank profiles for the import/export tests, with text that stresses both file formats:
 * commas, quotes, line breaks of every kind, leading formula characters, semicolons, emoji.
 */
import fc from 'fast-check';
import { BANK_PROFILE_SCHEMA_VERSION, parseBankProfile } from '@/utils/bank/profile-schema';
import type { BankProfile } from '@/utils/bank/profile-schema';
import type { ExportableProfile } from '@/utils/profile-transfer/types';
import { digitString, validImporterNumber, validRoutingNumber } from '../bank/arbitraries';

const trickyUnit = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.constantFrom(',', '"', '\n', '\r', '\r\n', '=', '+', '-', '@', "'", ';', '\t', ' ', 'é', 'ß', '😀', '\u00a0') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
);

/** Text that is still non-empty once trimmed and no longer than `max`. */
const text = (max: number) =>
  fc.string({ unit: trickyUnit, minLength: 1, maxLength: Math.min(max, 40) }).filter((value) => {
    const trimmed = value.trim();
    return trimmed.length > 0 && trimmed.length <= max;
  });

const timestamp = fc
  .date({ min: new Date('2000-01-01T00:00:00.000Z'), max: new Date('2099-12-31T23:59:59.999Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

export const validProfile: fc.Arbitrary<BankProfile> = fc
  .record(
    {
      label: text(80),
      importerName: text(140),
      importerNumbers: fc.array(validImporterNumber, { minLength: 1, maxLength: 3 }),
      bankName: text(140),
      routingNumber: validRoutingNumber,
      accountNumber: digitString(4, 17),
      accountType: fc.constantFrom('checking', 'savings'),
      accountHolderName: text(140),
      designatedAgent: fc.record({ name: text(140), number: validImporterNumber }),
      notes: text(500),
      createdAt: timestamp,
      updatedAt: timestamp,
      lastVerifiedAt: timestamp,
    },
    { requiredKeys: ['label', 'importerName', 'importerNumbers', 'bankName', 'routingNumber', 'accountNumber', 'accountType', 'accountHolderName', 'createdAt', 'updatedAt'] },
  )
  .map((fields) => {
    const parsed = parseBankProfile({ schemaVersion: BANK_PROFILE_SCHEMA_VERSION, ...fields });
    if (!parsed.ok) throw new Error(`generator made an invalid profile: ${JSON.stringify(parsed.problems)}`);
    return parsed.profile;
  });

const id = fc.oneof(fc.uuid(), fc.string({ unit: trickyUnit, minLength: 1, maxLength: 20 }).filter((value) => value.trim() === value && value.length > 0));

/** Profiles as a vault exports them: distinct ids, and labels distinct as planImport compares them. */
export const exportableProfiles = (minLength = 1, maxLength = 8): fc.Arbitrary<ExportableProfile[]> =>
  fc
    .uniqueArray(fc.tuple(id, validProfile), {
      minLength,
      maxLength,
      selector: ([, profile]) => profile.label.trim().normalize('NFC').toLowerCase(),
    })
    .filter((pairs) => new Set(pairs.map(([value]) => value)).size === pairs.length)
    .map((pairs) => pairs.map(([value, profile]) => ({ id: value, ...profile })));

/** A plain, valid profile for example-based tests. */
export function sampleProfile(overrides: Partial<BankProfile> = {}): BankProfile {
  return {
    schemaVersion: BANK_PROFILE_SCHEMA_VERSION,
    label: 'Acme main',
    importerName: 'Acme Imports LLC',
    importerNumbers: ['12-345678900'],
    bankName: 'First National Bank',
    routingNumber: '011000015',
    accountNumber: '000123456789',
    accountType: 'checking',
    accountHolderName: 'Acme Imports LLC',
    createdAt: '2026-01-02T03:04:05.000Z',
    updatedAt: '2026-01-02T03:04:05.000Z',
    ...overrides,
  };
}
