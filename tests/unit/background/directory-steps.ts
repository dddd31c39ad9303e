/**
 * The FedACH directory as the background tests import it: one real-looking record, and the
 * options page's begin / chunks / commit requests.
 */
import type { FedAchRecord } from '@/utils/bank/fedach-record';
import type { Harness } from './harness';

export const CHASE: FedAchRecord = {
  routingNumber: '021000021',
  officeCode: 'O',
  recordType: '1',
  changeDate: '2025-11-03',
  name: 'JPMORGAN CHASE BANK',
  city: 'TAMPA',
  state: 'FL',
  institutionStatus: '1',
};

/** Imports `records` as the options page does: begin, chunks of `chunk` records, commit. */
export async function importDirectory(call: Harness['call'], records: FedAchRecord[], sourceName = 'FedACHdir.txt', chunk = 2_000) {
  const { importId } = await call('directory/import-begin', { sourceName });
  for (let start = 0; start < records.length; start += chunk) {
    await call('directory/import-chunk', { importId, recordsJson: JSON.stringify(records.slice(start, start + chunk)) });
  }
  return call('directory/import-commit', { importId });
}
