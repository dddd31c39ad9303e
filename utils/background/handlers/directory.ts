/**
 * directory/* requests: the chunked import from the options page, its status, and the lookup
 * the popup editor and the ACE content script ask for a routing number.
 */
import type { FedAchRecord } from '@/utils/bank/fedach-record';
import { countDirectoryWarnings } from '@/utils/enrollment/directory-warning';
import type { Handlers } from '@/utils/messaging/handle-request';
import { RequestError } from '@/utils/messaging/request-error';
import { fedAchRecordsSchema, parseJsonBatch } from '@/utils/messaging/shapes';
import { directoryAnswer } from '../directory-answer';
import type { BackgroundServices } from '../services';

type DirectoryHandlers = Pick<
  Handlers,
  'directory/import-begin' | 'directory/import-chunk' | 'directory/import-commit' | 'directory/status' | 'directory/lookup'
>;

export function directoryHandlers({ directory, profiles, log }: BackgroundServices): DirectoryHandlers {
  return {
    'directory/import-begin': async ({ sourceName }) => ({ importId: directory.begin(sourceName) }),
    'directory/import-chunk': async ({ importId, recordsJson }) => {
      const records = parseJsonBatch(recordsJson, fedAchRecordsSchema);
      if (!records) throw new RequestError('bad-request', 'Malformed directory/import-chunk request.');
      // The schema checked each record's fields; they are FedAchRecords as the parsers make them.
      return { received: directory.addChunk(importId, records as FedAchRecord[]) };
    },
    'directory/import-commit': async ({ importId }) => {
      const status = await directory.commit(importId);
      // Every saved profile is looked at again under the new file (routing numbers are kept in clear).
      const index = await directory.index();
      const { profiles: live } = await profiles.list();
      const profilesWarned = index ? countDirectoryWarnings(index, live.map((profile) => profile.routingNumber)) : 0;
      await log({
        action: 'directory-import',
        detail: `${status.recordCount} records from ${status.sourceName}${profilesWarned > 0 ? `; ${profilesWarned} saved profiles' routing numbers replaced or not listed` : ''}`,
      });
      return { ...status, profilesWarned };
    },
    'directory/status': async () => ({ status: (await directory.status()) ?? null }),
    'directory/lookup': async ({ routingNumber, bankNames, profileId }) => {
      const known = [...(bankNames ?? [])];
      // Only the bank's name is read, for the order of suggestions; nothing of the profile goes back.
      const profile = profileId ? await profiles.get(profileId).catch(() => undefined) : undefined;
      if (profile?.bankName) known.push(profile.bankName);
      return directoryAnswer(await directory.index(), routingNumber, known);
    },
  };
}
