/**
 * The answer to directory/lookup, in the bank core's words: the routing number's own check,
 * then what the imported directory says (bank, replacement, government entries) and, for a
 * number that fails or is missing, the nearby numbers it might have been meant to be.
 */
import { directoryProblems, lookupRoutingNumber, type FedAchIndex } from '@/utils/bank/fedach-directory';
import { checkRoutingNumber } from '@/utils/bank/routing-number';
import { suggestRoutingNumbers } from '@/utils/bank/routing-suggestions';
import type { ResponseOf } from '@/utils/messaging/protocol';

export type DirectoryLookupAnswer = ResponseOf<'directory/lookup'>;

const GENERAL_ELECTRONIC = 'routing.prefix-electronic';
const NAMED_ELECTRONIC = 'directory.electronic-participant';

/** `knownBanks`: the bank names the user gave, which order tied suggestions. */
export function directoryAnswer(index: FedAchIndex | undefined, entered: string, knownBanks: readonly string[] = []): DirectoryLookupAnswer {
  const check = checkRoutingNumber(entered);
  const problems = check.problems.map(({ code, severity, message, position }) =>
    position === undefined ? { code, severity, message } : { code, severity, message, position },
  );
  if (!index) return { imported: false, found: false, problems, suggestions: [] };
  const lookup = lookupRoutingNumber(index, entered);
  // A number that fails its own check is not looked for too: "not in the directory" would only
  // repeat the check's message less precisely.
  if (check.ok) {
    const listed = directoryProblems(lookup).map(({ code, severity, message }) => ({ code, severity, message }));
    // The directory's warning names the participant behind a 61–72 number: it replaces the
    // check's general one rather than saying the same twice.
    if (listed.some((problem) => problem.code === NAMED_ELECTRONIC)) {
      problems.splice(0, problems.length, ...problems.filter((problem) => problem.code !== GENERAL_ELECTRONIC));
    }
    problems.push(...listed);
  }
  const suggestions = suggestRoutingNumbers(index, entered, undefined, knownBanks).map((suggestion) => ({
    routingNumber: suggestion.routingNumber,
    bankName: suggestion.record.name,
    message: suggestion.message,
  }));
  if (!lookup.found) return { imported: true, found: false, problems, suggestions };
  const answer: DirectoryLookupAnswer = {
    imported: true,
    found: true,
    bankName: lookup.bankName,
    city: lookup.city,
    state: lookup.state,
    receivesGovernmentEntries: lookup.receivesGovernmentEntries,
    problems,
    suggestions,
  };
  if (lookup.replacedBy) answer.replacedBy = lookup.replacedBy;
  return answer;
}
