/**
 * The answer to directory/lookup: what the imported directory says of the entered routing
 * number (its bank, the number that replaced it, government entries) and the listed numbers one
 * slip away. Facts only: the bank-entry check (form-checks/bank-entry-check.ts) judges them.
 */
import { lookupRoutingNumber, type FedAchIndex } from '@/utils/bank/fedach-directory';
import { suggestRoutingNumbers } from '@/utils/bank/routing-suggestions';
import type { ResponseOf } from '@/utils/messaging/protocol';

export type DirectoryLookupAnswer = ResponseOf<'directory/lookup'>;

/** `knownBanks`: the bank names the user gave, which order tied suggestions. */
export function directoryAnswer(index: FedAchIndex | undefined, entered: string, knownBanks: readonly string[] = []): DirectoryLookupAnswer {
  if (!index) return { imported: false, found: false, suggestions: [] };
  const suggestions = suggestRoutingNumbers(index, entered, undefined, knownBanks).map((suggestion) => ({
    routingNumber: suggestion.routingNumber,
    bankName: suggestion.record.name,
  }));
  const lookup = lookupRoutingNumber(index, entered);
  if (!lookup.found) return { imported: true, found: false, suggestions };
  const answer: DirectoryLookupAnswer = {
    imported: true,
    found: true,
    bankName: lookup.bankName,
    city: lookup.city,
    state: lookup.state,
    receivesGovernmentEntries: lookup.receivesGovernmentEntries,
    suggestions,
  };
  if (lookup.replacedBy) answer.replacedBy = lookup.replacedBy;
  if (lookup.replacement) answer.replacementBankName = lookup.replacement.name;
  return answer;
}
