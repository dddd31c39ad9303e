/**
 * Asks the background's FedACH directory about the routing number being typed, once it has 9
 * digits (check digit right or not: the "did you mean" suggestions are for the wrong ones). A
 * short pause lets fast typing settle; answers for an older number are dropped.
 */
import { useEffect, useState } from 'preact/hooks';
import { lookupRequest, type DirectoryFacts } from '@/utils/form-checks/bank-entry-check';
import { useRequest } from './popup-services';

export const LOOKUP_DELAY_MS = 120;

/** `bankName`: the profile's bank as typed, put first among equally good "Did you mean" suggestions. */
export function useDirectoryLookup(routingDigits: string | undefined, bankName = ''): DirectoryFacts | undefined {
  const request = useRequest();
  const [lookup, setLookup] = useState<DirectoryFacts | undefined>();
  useEffect(() => {
    if (routingDigits === undefined) return;
    let current = true;
    const timer = setTimeout(() => {
      request('directory/lookup', lookupRequest(routingDigits, bankName)).then(
        (answer) => current && setLookup({ ...answer, routingNumber: routingDigits }),
        // The directory only helps; without an answer the field's own checks still stand.
        () => current && setLookup(undefined),
      );
    }, LOOKUP_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [routingDigits, bankName]);
  return lookup && lookup.routingNumber === routingDigits ? lookup : undefined;
}
