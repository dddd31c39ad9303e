/**
 * Large profiles CSV files for the import worker's tests, the e2e test and bench/import-preview:
 * `count` rows with unique labels and importer numbers (every good row is added), short enough
 * that 100,000 rows stay under the 10 MB import limit. The all-invalid variant breaks each row
 * twice (a routing number failing its check digit, a letter in the account number), so every
 * line gets two reasons, the worst case for the checks.
 */
import { randomRoutingNumber, seededRandom } from '../unit/bank/fedach-generator';

export const PROFILES_CSV_HEADER =
  'label,importer_name,importer_numbers,bank_name,routing_number,account_number,account_type,account_holder_name';

export interface ProfilesCsvOptions {
  /** Every row invalid (two problems each). */
  readonly invalid?: boolean;
  /** Rows whose 0-based index satisfies this are invalid (ignored when `invalid`). */
  readonly invalidAt?: (index: number) => boolean;
  readonly seed?: number;
}

/** Makes the routing number's check digit wrong. */
function breakCheckDigit(routing: string): string {
  return routing.slice(0, 8) + ((Number(routing[8]) + 1) % 10);
}

export function profilesCsv(count: number, options: ProfilesCsvOptions = {}): string {
  const random = seededRandom(options.seed ?? 11);
  const lines = [PROFILES_CSV_HEADER];
  for (let n = 0; n < count; n++) {
    const bad = options.invalid === true || options.invalidAt?.(n) === true;
    const routing = randomRoutingNumber(random);
    const ein = `${String(10 + (n % 89)).padStart(2, '0')}-${String(n).padStart(7, '0')}00`;
    const account = String(10_000_000 + n);
    lines.push(
      [
        `Importer ${n}`,
        `Imp ${n} LLC`,
        ein,
        'Chase',
        bad ? breakCheckDigit(routing) : routing,
        bad ? `x${account}` : account,
        n % 3 === 0 ? 'savings' : 'checking',
        `Imp ${n} LLC`,
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}
