/**
 * Previews a profiles import without freezing the options page: the worker reads and checks the
 * file; each batch of good profiles goes on to the background as it comes (import/chunk, one at
 * a time, so the background answers the popup in between); then the background plans the import
 * and keeps it under a token. The page holds only counts, progress and the first lines to show.
 * Cancel terminates the worker and tells the background to forget what it received.
 */
import type { ImportPreview } from '@/utils/messaging/shapes';
import { RequestError } from '@/utils/messaging/request-error';
import type { RejectedLine } from '@/utils/profile-transfer/types';
import { createImportOutcome, runImportJob, type ImportWorkerFactory } from './import-worker-client';
import type { Request } from './options-services';

export type ProfileCheckProgress =
  | { readonly stage: 'reading' | 'decrypting' | 'parsing' | 'planning' }
  | { readonly stage: 'checking'; readonly done: number; readonly total: number };

export type ProfileImportOutcome =
  | {
      readonly kind: 'preview';
      readonly preview: ImportPreview;
      /** Rows (or entries) in the file. */
      readonly total: number;
      readonly rejectedCount: number;
      /** The first rejected lines, in the readers' words. */
      readonly rejected: readonly RejectedLine[];
    }
  | { readonly kind: 'needs-passphrase' }
  | { readonly kind: 'refused'; readonly code: 'invalid-import' | 'wrong-passphrase'; readonly reason: string }
  | { readonly kind: 'cancelled' };

export interface ProfileImportRequest {
  readonly file: Blob;
  readonly fileName: string;
  readonly backupPassphrase?: string;
  /** ISO time given to profiles without timestamps. */
  readonly now: string;
}

export interface RunningPreview {
  readonly outcome: Promise<ProfileImportOutcome>;
  cancel(): void;
}

const CHECK_FAILED = 'The file could not be checked in this page. Reload the page and choose the file again.';

export function previewProfileImport(
  input: ProfileImportRequest,
  request: Request,
  workers: ImportWorkerFactory,
  onProgress: (progress: ProfileCheckProgress) => void,
): RunningPreview {
  let importId: string | undefined;
  let stopJob = () => {};
  let passedOn = (_batches: number) => {};
  /** The batches go to the background one after another, in file order. */
  let sending: Promise<unknown> = Promise.resolve();
  let batchesSent = 0;

  const discard = () => {
    if (importId !== undefined) void request('import/discard', { token: importId }).catch(() => {});
  };
  // Only a preview keeps what the background received: the user may still confirm it.
  const run = createImportOutcome<ProfileImportOutcome>((result) => {
    stopJob();
    if ('error' in result || result.kind !== 'preview') discard();
  });
  const end = run.end;

  const send = (candidatesJson: string) => {
    const id = importId!;
    sending = sending.then(async () => {
      if (run.finished) return;
      await request('import/chunk', { importId: id, candidatesJson });
      // The worker waits when the page holds a few batches: the page's memory stays small.
      passedOn(++batchesSent);
    });
    sending.catch((error: unknown) => end({ error }));
  };

  void (async () => {
    try {
      importId = (await request('import/begin', {})).importId;
    } catch (error) {
      end({ error });
      return;
    }
    if (run.finished) {
      discard();
      return;
    }
    const job = runImportJob(
      workers,
      {
        type: 'check-profiles',
        file: input.file,
        fileName: input.fileName,
        now: input.now,
        ...(input.backupPassphrase === undefined ? {} : { backupPassphrase: input.backupPassphrase }),
      },
      (reply) => {
        if (run.finished) return;
        switch (reply.type) {
          case 'stage':
            onProgress({ stage: reply.stage });
            return;
          case 'progress':
            onProgress({ stage: 'checking', done: reply.done, total: reply.total });
            return;
          case 'candidates':
            send(reply.json);
            return;
          case 'needs-passphrase':
            end({ kind: 'needs-passphrase' });
            return;
          case 'refused':
            end({ kind: 'refused', code: reply.code, reason: reply.reason });
            return;
          case 'profiles-done':
            stopJob();
            onProgress({ stage: 'planning' });
            void sending
              .then(() => (run.finished ? undefined : request('import/preview', { importId: importId! })))
              .then((preview) => {
                if (preview) end({ kind: 'preview', preview, total: reply.total, rejectedCount: reply.rejectedCount, rejected: reply.rejected });
              })
              .catch((error: unknown) => end({ error }));
            return;
          default:
            end({ error: new RequestError('internal', CHECK_FAILED) });
        }
      },
    );
    stopJob = job.stop;
    passedOn = job.passedOn;
  })();

  return {
    outcome: run.promise,
    cancel: () => end({ kind: 'cancelled' }),
  };
}
