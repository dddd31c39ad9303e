/**
 * Imports a FedACH directory file picked in the options page: the import worker streams the
 * file through the bank core's parser (the whole file is never one string, and never on the
 * page's main thread), then the good records go to the background in chunks, begin → chunk… →
 * commit, so no single message is huge and the background keeps the previous directory until
 * the commit. Cancel terminates the worker; an import begun in the background is never
 * committed (it expires there), so the directory stays as it was.
 */
import type { DirectoryStatus } from '@/utils/messaging/shapes';
import { RequestError } from '@/utils/messaging/request-error';
import type { DirectoryProblem } from '@/utils/import-worker/messages';
import { createImportOutcome, runImportJob, type ImportWorkerFactory } from './import-worker-client';
import type { Request } from './options-services';

export type DirectoryImportProgress =
  | { readonly phase: 'reading'; readonly bytesRead: number; readonly totalBytes: number }
  | { readonly phase: 'saving'; readonly recordsSent: number; readonly totalRecords: number };

/** What the file held, as the parser counted it (the records themselves went to the background). */
export interface DirectoryFileSummary {
  readonly format: 'text' | 'json';
  readonly recordCount: number;
  readonly itemsRead: number;
  /** The first problems, with their line numbers. */
  readonly problems: readonly DirectoryProblem[];
  /** Every problem found, including those not listed. */
  readonly problemCount: number;
}

export type DirectoryImportOutcome =
  | {
      readonly kind: 'read';
      readonly parse: DirectoryFileSummary;
      /** The new directory's status; undefined when the file held no usable record. */
      readonly status?: DirectoryStatus & { readonly profilesWarned: number };
    }
  | { readonly kind: 'cancelled' };

export interface RunningDirectoryImport {
  readonly outcome: Promise<DirectoryImportOutcome>;
  cancel(): void;
}

const READ_FAILED = 'The file could not be read in this page. Reload the page and choose the file again.';

export function importDirectoryFile(
  file: Blob & { readonly name: string },
  request: Request,
  workers: ImportWorkerFactory,
  onProgress: (progress: DirectoryImportProgress) => void,
): RunningDirectoryImport {
  const run = createImportOutcome<DirectoryImportOutcome>(() => job.stop());
  const end = run.end;
  let summary: DirectoryFileSummary | undefined;
  let importId: Promise<string> | undefined;
  let received = 0;
  let sent = 0;
  let batchesSent = 0;
  let sending: Promise<unknown> = Promise.resolve();

  const send = (recordsJson: string, count: number, parse: DirectoryFileSummary) => {
    importId ??= request('directory/import-begin', { sourceName: file.name }).then((answer) => answer.importId);
    const begun = importId;
    received += count;
    const last = received >= parse.recordCount;
    sending = sending
      .then(async () => {
        if (run.finished) return;
        await request('directory/import-chunk', { importId: await begun, recordsJson });
        sent += count;
        // The worker waits when the page holds a few batches: the page's memory stays small.
        job.passedOn(++batchesSent);
        onProgress({ phase: 'saving', recordsSent: sent, totalRecords: parse.recordCount });
        if (!last || run.finished) return;
        const status = await request('directory/import-commit', { importId: await begun });
        end({ kind: 'read', parse, status });
      })
      .catch((error: unknown) => end({ error }));
  };

  const job = runImportJob(workers, { type: 'read-directory', file }, (reply) => {
    if (run.finished) return;
    switch (reply.type) {
      case 'directory-progress':
        onProgress({ phase: 'reading', bytesRead: reply.bytesRead, totalBytes: reply.totalBytes });
        return;
      case 'directory-read': {
        const { type: _type, ...read } = reply;
        summary = read;
        if (read.recordCount === 0) end({ kind: 'read', parse: read });
        return;
      }
      case 'records':
        if (!summary || received + reply.count > summary.recordCount) break;
        send(reply.json, reply.count, summary);
        return;
    }
    end({ error: new RequestError('internal', READ_FAILED) });
  });

  return { outcome: run.promise, cancel: () => end({ kind: 'cancelled' }) };
}
