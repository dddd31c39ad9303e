/**
 * What the imported FedACH file says against a saved routing number: replaced by another number,
 * or not listed at all (withdrawn, or never an ACH participant). The status page's "directory
 * warning" and the count the options page shows after a new file come from here.
 */
import { lookupRoutingNumber, type FedAchIndex } from '@/utils/bank/fedach-directory';
import type { DirectoryWarning } from './enrollment-status';

export function directoryWarning(index: FedAchIndex, routingNumber: string): DirectoryWarning | undefined {
  const found = lookupRoutingNumber(index, routingNumber);
  if (!found.found) return { kind: 'absent' };
  return found.replacedBy ? { kind: 'replaced', replacedBy: found.replacedBy } : undefined;
}

/** How many of the routing numbers the file warns about. */
export function countDirectoryWarnings(index: FedAchIndex, routingNumbers: Iterable<string>): number {
  let count = 0;
  for (const routingNumber of routingNumbers) if (directoryWarning(index, routingNumber)) count++;
  return count;
}
