/**
 * The page's side of the import worker, with a scripted stand-in Worker: every reply is parsed
 * before use, anything unreadable or a worker error ends the job as "failed", stop() terminates
 * and silences the worker.
 */
import { describe, expect, it } from 'vitest';
import { runImportJob, type ImportWorkerLike } from '@/components/options/import-worker-client';
import type { WorkerReply, WorkerRequest } from '@/utils/import-worker/messages';

function scriptedWorker() {
  const posted: WorkerRequest[] = [];
  let terminated = 0;
  const worker: ImportWorkerLike = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage: (request) => posted.push(request),
    terminate: () => {
      terminated++;
    },
  };
  return {
    worker,
    posted,
    terminated: () => terminated,
    reply: (data: unknown) => worker.onmessage?.({ data } as MessageEvent),
  };
}

const REQUEST: WorkerRequest = { type: 'read-directory', file: new Blob(['x']) };

describe('runImportJob', () => {
  it('hands the request over and passes parsed replies on', () => {
    const scripted = scriptedWorker();
    const replies: WorkerReply[] = [];
    runImportJob(() => scripted.worker, REQUEST, (reply) => replies.push(reply));
    expect(scripted.posted).toEqual([REQUEST]);
    scripted.reply({ type: 'directory-progress', bytesRead: 1, totalBytes: 1 });
    expect(replies).toEqual([{ type: 'directory-progress', bytesRead: 1, totalBytes: 1 }]);
  });

  it('ends the job as failed on a reply that does not parse, and hears nothing more', () => {
    const scripted = scriptedWorker();
    const replies: WorkerReply[] = [];
    runImportJob(() => scripted.worker, REQUEST, (reply) => replies.push(reply));
    scripted.reply({ type: 'progress', done: -1, total: 'all' });
    scripted.reply({ type: 'directory-progress', bytesRead: 1, totalBytes: 1 });
    expect(replies).toEqual([{ type: 'failed' }]);
    expect(scripted.terminated()).toBe(1);
  });

  it('ends the job as failed when the worker throws, keeping its error out of the page', () => {
    const scripted = scriptedWorker();
    const replies: WorkerReply[] = [];
    runImportJob(() => scripted.worker, REQUEST, (reply) => replies.push(reply));
    let prevented = false;
    scripted.worker.onerror?.({ preventDefault: () => (prevented = true), message: 'account 123456789 at line 3' } as unknown as ErrorEvent);
    expect(replies).toEqual([{ type: 'failed' }]);
    expect(prevented).toBe(true);
  });

  it('stop() terminates the worker and drops replies still arriving', () => {
    const scripted = scriptedWorker();
    const replies: WorkerReply[] = [];
    const job = runImportJob(() => scripted.worker, REQUEST, (reply) => replies.push(reply));
    job.stop();
    job.stop();
    scripted.reply({ type: 'directory-progress', bytesRead: 1, totalBytes: 1 });
    expect(replies).toEqual([]);
    expect(scripted.terminated()).toBe(1);
  });

  it('answers failed when no worker can be started', async () => {
    const replies: WorkerReply[] = [];
    runImportJob(
      () => {
        throw new Error('CSP');
      },
      REQUEST,
      (reply) => replies.push(reply),
    );
    await Promise.resolve();
    expect(replies).toEqual([{ type: 'failed' }]);
  });
});
