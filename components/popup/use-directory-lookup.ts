/**
 * Asks the background's FedACH directory about the routing number being typed, once it has 9
 * digits (check digit right or not: the "did you mean" suggestions are for the wrong ones). A
 * short pause lets fast typing settle; answers for an older number are dropped.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ResponseOf } from '@/utils/messaging/protocol';
import { useRequest } from './popup-services';

export type DirectoryLookup = ResponseOf<'directory/lookup'> & { readonly routingNumber: string };

export const LOOKUP_DELAY_MS = 120;

/** `bankName`: the profile's bank as typed, put first among equally good "Did you mean" suggestions. */
export function useDirectoryLookup(routingDigits: string | undefined, bankName = ''): DirectoryLookup | undefined {
  const request = useRequest();
  const [lookup, setLookup] = useState<DirectoryLookup | undefined>();
  useEffect(() => {
    if (routingDigits === undefined) return;
    let current = true;
    const timer = setTimeout(() => {
      const bankNames = bankName.trim() ? [bankName.trim().slice(0, 128)] : [];
      request('directory/lookup', { routingNumber: routingDigits, ...(bankNames.length ? { bankNames } : {}) }).then(
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
