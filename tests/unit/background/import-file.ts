/**
 * What the options page does for a profiles import, for the background's tests: the import
 * worker's own handler reads and checks the file (in-process), its good profiles go to the
 * background through import/begin and import/chunk, and import/preview plans them.
 */
import { handleWorkerMessage } from '@/utils/import-worker/handle-message';
import type { WorkerReply } from '@/utils/import-worker/messages';
import type { ResponseOf } from '@/utils/messaging/protocol';
import type { Harness } from './harness';

export type FileCheck = Exclude<WorkerReply, { type: 'stage' | 'progress' | 'candidates' }>;

export interface PreviewedFile {
  /** The worker's last word: profiles-done, or why the file was refused. */
  readonly check: FileCheck;
  /** The background's preview, when the file got that far. */
  readonly preview?: ResponseOf<'import/preview'>;
}

export async function previewFile(call: Harness['call'], text: string, fileName: string, backupPassphrase?: string): Promise<PreviewedFile> {
  const replies: WorkerReply[] = [];
  await handleWorkerMessage(
    {
      type: 'check-profiles',
      file: new Blob([text]),
      fileName,
      now: '2026-03-02T10:00:00.000Z',
      ...(backupPassphrase === undefined ? {} : { backupPassphrase }),
    },
    (reply) => replies.push(reply),
    {},
    (error) => {
      throw error;
    },
  );
  const check = replies.at(-1) as FileCheck;
  if (check.type !== 'profiles-done') return { check };
  const { importId } = await call('import/begin', {});
  for (const reply of replies) if (reply.type === 'candidates') await call('import/chunk', { importId, candidatesJson: reply.json });
  return { check, preview: await call('import/preview', { importId }) };
}
