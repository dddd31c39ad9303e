/**
 * The activity log store: appended to by the handlers, listed newest first by the options page,
 * capped so it cannot grow without bound (the oldest entries go first).
 */
import type { ActivityEntry } from '@/utils/messaging/shapes';
import type { ActivityInput } from './activity-actions';
import type { AppDatabase } from './database';
import { readAllParsed } from './quarantine';
import { activityRecordSchema } from './stored-records';
import { writeTransaction } from './transactions';

export const ACTIVITY_LOG_CAP = 5_000;

export async function appendActivity(
  database: AppDatabase,
  input: ActivityInput,
  at: Date,
  cap: number = ACTIVITY_LOG_CAP,
): Promise<void> {
  const entry: ActivityEntry = { at: at.toISOString(), action: input.action };
  if (input.profileLabel !== undefined) entry.profileLabel = input.profileLabel;
  if (input.importerNumber !== undefined) entry.importerNumber = input.importerNumber;
  if (input.page !== undefined) entry.page = input.page;
  if (input.detail !== undefined) entry.detail = input.detail;
  await writeTransaction(database, ['activityLog'], async (transaction) => {
    await transaction.store.add(entry);
    let excess = (await transaction.store.count()) - cap;
    if (excess <= 0) return;
    let cursor = await transaction.store.openCursor();
    while (cursor && excess > 0) {
      await cursor.delete();
      excess--;
      cursor = await cursor.continue();
    }
  });
}

export async function listActivity(database: AppDatabase): Promise<ActivityEntry[]> {
  const { records } = await readAllParsed(database, 'activityLog', activityRecordSchema);
  return records.map((record) => record.value).reverse();
}
