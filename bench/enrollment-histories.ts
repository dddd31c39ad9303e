/**
 * Bench data for the background's share of the status page (bench/enrollment.bench.ts): 5,000
 * profiles as the rules see them, each with a full verification history (20 events: looks at
 * CBP's file that matched or differed, fills and Saves), and a directory that flags some routing
 * numbers. Deterministic: the same counts give the same data.
 */
import type { DirectoryWarning, EnrollmentProfile } from '../utils/enrollment/enrollment-status';
import { VERIFICATION_HISTORY_LIMIT, type VerificationEvent } from '../utils/enrollment/verification-event';
import { randomRoutingNumber, seededRandom } from '../tests/unit/bank/fedach-generator';
import { benchProfiles } from './vault-profiles';

const DAY_MS = 86_400_000;

export interface EnrollmentBenchData {
  readonly profiles: EnrollmentProfile[];
  readonly histories: Map<string, VerificationEvent[]>;
  readonly directory: (routingNumber: string) => DirectoryWarning | undefined;
  readonly now: number;
}

export function enrollmentBenchData(count: number, now = Date.parse('2026-12-07T12:00:00.000Z')): EnrollmentBenchData {
  const random = seededRandom(2_026);
  const profiles: EnrollmentProfile[] = benchProfiles(count).map((profile, n) => ({
    id: `profile-${n}`,
    label: String(profile.label),
    importerName: String(profile.importerName),
    importerNumbers: profile.importerNumbers as string[],
    bankName: String(profile.bankName),
    routingNumber: String(profile.routingNumber),
    accountLast4: String(profile.accountNumber).slice(-4),
    accountType: profile.accountType as EnrollmentProfile['accountType'],
    accountHolderName: String(profile.accountHolderName),
  }));
  const histories = new Map<string, VerificationEvent[]>();
  for (const profile of profiles) {
    const events: VerificationEvent[] = [];
    // Twenty events over the last two years, oldest first.
    let at = now - Math.floor(random() * 700) * DAY_MS;
    for (let i = 0; i < VERIFICATION_HISTORY_LIMIT; i++) {
      at += Math.floor(random() * 30 * DAY_MS) + 60_000;
      const pick = random();
      const kind = pick < 0.7 ? 'on-file' : pick < 0.85 ? 'filled' : 'saved';
      const fingerprint = { routingNumber: profile.routingNumber, accountLast4: profile.accountLast4, accountType: profile.accountType };
      events.push({
        at: new Date(Math.min(at, now)).toISOString(),
        kind,
        profileId: profile.id,
        profileLabel: profile.label,
        ...(kind === 'on-file'
          ? { fields: { routing: random() < 0.1 ? 'mismatch' : 'match', account: 'match', 'account-type': 'match' }, profile: fingerprint }
          : {}),
      });
    }
    histories.set(profile.importerNumbers[0]!, events);
  }
  // One routing number in twenty flagged by the FedACH file: replaced, or not listed.
  const flagged = new Map<string, DirectoryWarning>();
  for (const profile of profiles) {
    const pick = random();
    if (pick < 0.03) flagged.set(profile.routingNumber, { kind: 'replaced', replacedBy: randomRoutingNumber(random) });
    else if (pick < 0.05) flagged.set(profile.routingNumber, { kind: 'absent' });
  }
  return { profiles, histories, directory: (routingNumber) => flagged.get(routingNumber), now };
}
