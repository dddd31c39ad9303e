/**
 * Bench data for bench/vault.bench.ts: thousands of valid bank profiles in the app's own JSON
 * import format, deterministic, with unique labels and importer numbers so every one is added.
 * Labels share words ("Stark", "Acme"…) and banks repeat, as in a broker's real book, so that
 * searches match many or few profiles.
 */
import { BANK_PROFILE_SCHEMA_VERSION } from '../utils/bank/profile-schema';
import { PROFILES_FORMAT, PROFILES_FORMAT_VERSION } from '../utils/profile-transfer/types';
import { randomRoutingNumber, seededRandom } from '../tests/unit/bank/fedach-generator';

const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne', 'Soylent', 'Hooli', 'Vandelay', 'Pied Piper'];
const KINDS = ['Imports', 'Trading', 'Logistics', 'Apparel', 'Foods', 'Machinery', 'Textiles'];
const BANKS = ['JPMorgan Chase Bank', 'Bank of America', 'Wells Fargo Bank', 'Citibank', 'First National Bank', 'Citizens State Bank', 'Summit Bank & Trust', 'Farmers Credit Union'];

function digits(random: () => number, count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += Math.floor(random() * 10);
  return text;
}

/** `count` profiles numbered from `first`; the same numbers give the same profiles. */
export function benchProfiles(count: number, first = 0): Record<string, unknown>[] {
  const random = seededRandom(4_000 + first);
  const profiles: Record<string, unknown>[] = [];
  for (let n = first; n < first + count; n++) {
    const company = COMPANIES[n % COMPANIES.length]!;
    const kind = KINDS[Math.floor(n / COMPANIES.length) % KINDS.length]!;
    const name = `${company} ${kind} ${n}`;
    // EIN base from the profile's number (unique), suffix 00.
    const ein = String(10_000_000 + n * 13).padStart(9, '0');
    profiles.push({
      schemaVersion: BANK_PROFILE_SCHEMA_VERSION,
      label: name,
      importerName: `${company} ${kind} Holdings ${n} LLC`,
      importerNumbers: [`${ein.slice(0, 2)}-${ein.slice(2)}00`],
      bankName: BANKS[n % BANKS.length]!,
      routingNumber: randomRoutingNumber(random),
      accountNumber: `${1 + Math.floor(random() * 9)}${digits(random, 7 + (n % 6))}`,
      accountType: n % 3 === 0 ? 'savings' : 'checking',
      accountHolderName: `${company} ${kind} Holdings ${n} LLC`,
    });
  }
  return profiles;
}

/** The profiles as a file the options page imports. */
export function benchProfilesFile(count: number, first = 0): string {
  return JSON.stringify({
    format: PROFILES_FORMAT,
    version: PROFILES_FORMAT_VERSION,
    exportedAt: '2026-03-01T12:00:00.000Z',
    profiles: benchProfiles(count, first),
  });
}
