/**
 * Profiles for the popup tests: valid BankProfile inputs and list summaries, including a
 * generator for thousands of them (search timing, paging).
 */
import { BANK_PROFILE_SCHEMA_VERSION, type BankProfileInput } from '@/utils/bank/profile-schema';
import { abaCheckDigit } from '@/utils/bank/routing-number';
import type { ProfileSummary } from '@/utils/messaging/shapes';

export const ACME: BankProfileInput = {
  schemaVersion: BANK_PROFILE_SCHEMA_VERSION,
  label: 'Acme main',
  importerName: 'Acme Imports LLC',
  importerNumbers: ['12-345678900'],
  bankName: 'JPMorgan Chase Bank',
  routingNumber: '021000021',
  accountNumber: '000123456789',
  accountType: 'checking',
  accountHolderName: 'Acme Imports LLC',
  createdAt: '2026-01-05T10:00:00.000Z',
  updatedAt: '2026-01-05T10:00:00.000Z',
};

export const GLOBEX: BankProfileInput = {
  ...ACME,
  label: 'Globex refunds',
  importerName: 'Globex Trading Co',
  importerNumbers: ['98-765432100', '98-7654321A1'],
  bankName: 'Bank of America',
  routingNumber: '026009593',
  accountNumber: '4455667788',
  accountType: 'savings',
  accountHolderName: 'Globex Trading Co',
};

export const SOCIETE: BankProfileInput = {
  ...ACME,
  label: 'Société Générale Imports',
  importerName: 'Société Générale Imports Inc',
  importerNumbers: ['123-45-6789'],
  bankName: 'Wells Fargo Bank',
  routingNumber: '121000248',
  accountNumber: '5555000111',
  accountHolderName: 'SGI Inc',
};

const WORDS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne', 'Soylent', 'Hooli', 'Vandelay', 'Pied Piper'];
const BANKS = ['First National Bank', 'Citizens State Bank', 'Peoples Savings Bank', 'Farmers Credit Union', 'Summit Bank & Trust'];

/** `count` distinct summaries, deterministic. */
export function manySummaries(count: number): ProfileSummary[] {
  const summaries: ProfileSummary[] = [];
  for (let i = 0; i < count; i++) {
    const word = WORDS[i % WORDS.length]!;
    const ein = String(10_000_000 + i * 7).padStart(9, '0');
    const firstEight = `0${(i % 9) + 1}${String(i).padStart(6, '0')}`;
    summaries.push({
      id: `p${i}`,
      label: `${word} ${i}`,
      importerName: `${word} Holdings ${i} LLC`,
      importerNumbers: [`${ein.slice(0, 2)}-${ein.slice(2)}00`],
      bankName: BANKS[i % BANKS.length]!,
      routingNumber: firstEight + abaCheckDigit(firstEight),
      accountType: i % 2 === 0 ? 'checking' : 'savings',
      accountLast4: String(i % 10_000).padStart(4, '0'),
      accountHolderName: `${word} Holdings ${i} LLC`,
      updatedAt: '2026-01-05T10:00:00.000Z',
    });
  }
  return summaries;
}

export function summaryOf(id: string, profile: BankProfileInput): ProfileSummary {
  return {
    id,
    label: profile.label,
    importerName: profile.importerName,
    importerNumbers: [...profile.importerNumbers],
    bankName: profile.bankName,
    routingNumber: profile.routingNumber,
    accountType: profile.accountType as 'checking' | 'savings',
    accountLast4: profile.accountNumber.replace(/\D/g, '').slice(-4),
    accountHolderName: profile.accountHolderName,
    updatedAt: profile.updatedAt,
  };
}
