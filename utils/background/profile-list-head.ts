/**
 * The first page of the profile list, kept in IndexedDB beside the profiles. A service worker
 * that has just started (Chrome stops it after 30 s idle) would otherwise read and parse every
 * profile record before the popup could show one row: hundreds of milliseconds for 5,000. The
 * profile store writes this record in the same transaction as every change to the profiles, so
 * it is never ahead of them or behind them, and builds it again after each full read (a new
 * install's upgrade, a damaged or outdated record, records set aside as unreadable).
 */
import { PROFILE_PAGE_SIZE } from '@/utils/messaging/protocol';
import { compareListOrder, firstInOrder } from '@/utils/background/profile-list-order';
import type { AppDatabase } from './database';
import { summarizeProfile } from './profile-record';
import { LIST_HEAD_RECORD, LIST_HEAD_VERSION, listHeadRecordSchema, type ListHeadRecord, type StoredProfile } from './stored-records';

/** The head of the list these records make: live profiles only, in list order. */
export function listHeadOf(records: Iterable<StoredProfile>): ListHeadRecord {
  const live: StoredProfile[] = [];
  for (const record of records) if (!record.deletedAt) live.push(record);
  return {
    key: LIST_HEAD_RECORD,
    version: LIST_HEAD_VERSION,
    count: live.length,
    profiles: firstInOrder(live, PROFILE_PAGE_SIZE, compareListOrder).map(summarizeProfile),
  };
}

/** The stored head; undefined when there is none yet, or it is damaged or of another version (it is derived: built again, never quarantined). */
export async function readListHead(database: AppDatabase): Promise<ListHeadRecord | undefined> {
  const parsed = listHeadRecordSchema.safeParse(await database.get('profileListHead', LIST_HEAD_RECORD));
  return parsed.success ? parsed.data : undefined;
}

/** Whether two heads list the same (compared as the schema gives them back). */
export function sameListHead(a: ListHeadRecord | undefined, b: ListHeadRecord): boolean {
  if (!a) return false;
  const canonical = (head: ListHeadRecord) => JSON.stringify(listHeadRecordSchema.parse(head));
  return canonical(a) === canonical(b);
}
