/**
 * Asks the background's FedACH directory about the routing number being typed, once it has 9
 * digits (check digit right or not: the "did you mean" suggestions are for the wrong ones). A
 * short pause lets fast typing settle; answers for an older number are dropped.
 */
import { lookupRequest, type DirectoryFacts } from '@/utils/form-checks/bank-entry-check';
import { useRequest } from './popup-services';
import { useSettledAnswer } from './use-settled-answer';

export const LOOKUP_DELAY_MS = 120;

/** `bankName`: the profile's bank as typed, put first among equally good "Did you mean" suggestions. */
export function useDirectoryLookup(routingDigits: string | undefined, bankName = ''): DirectoryFacts | undefined {
  const request = useRequest();
  const found = useSettledAnswer(
    routingDigits,
    (routingNumber) => request('directory/lookup', lookupRequest(routingNumber, bankName)),
    LOOKUP_DELAY_MS,
    [routingDigits, bankName],
  );
  return found && found.key === routingDigits ? { ...found.answer, routingNumber: found.key } : undefined;
}
