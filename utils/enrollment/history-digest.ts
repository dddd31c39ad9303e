/**
 * The few events of an importer's history that its status row depends on: the latest event, the
 * latest look at CBP's file that matched, and the latest event of each profile named (the row's
 * profile is the latest one still saved). The background keeps these digests of every importer in
 * one encrypted record, so the status page reads one record instead of decrypting thousands of
 * histories; enrollmentRows gives the same rows from a digest as from the whole history.
 */
import { onFileResult, type VerificationEvent } from './verification-event';

export function digestHistory(history: readonly VerificationEvent[]): VerificationEvent[] {
  const kept = new Set<VerificationEvent>();
  const profilesSeen = new Set<string | undefined>();
  let matchKept = false;
  let labelKept = false;
  for (let i = history.length - 1; i >= 0; i--) {
    const event = history[i]!;
    if (i === history.length - 1) kept.add(event);
    if (!profilesSeen.has(event.profileId)) {
      profilesSeen.add(event.profileId);
      kept.add(event);
    }
    if (!matchKept && event.kind === 'on-file' && onFileResult(event) === 'match') {
      matchKept = true;
      kept.add(event);
    }
    if (!labelKept && event.profileLabel) {
      labelKept = true;
      kept.add(event);
    }
  }
  return history.filter((event) => kept.has(event));
}
