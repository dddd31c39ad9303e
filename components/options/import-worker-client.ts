/**
 * The options page's side of its import worker: starts one worker per job, hands it the request
 * (the chosen File goes by reference), parses every reply with the worker protocol's schema
 * before anyone uses it, and stops the job by terminating the worker, which ends it at once
 * wherever it is. How the worker is made is injected (OptionsServices.importWorker), so tests run
 * the same handler in-process.
 */
import { workerReplySchema, type WorkerReply, type WorkerRequest } from '@/utils/import-worker/messages';

/** What the page needs of a Worker. */
export interface ImportWorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

export type ImportWorkerFactory = () => ImportWorkerLike;

export interface ImportJob {
  /** Ends the job: the worker is terminated and no reply is delivered after this. */
  stop(): void;
  /** Tells the worker that `batches` data batches in all have been passed on (it waits when too many are not). */
  passedOn(batches: number): void;
}

/**
 * Runs `request` in a new worker; `onReply` gets each parsed reply in order. A reply that does not
 * parse, a worker that fails to start or throws, all arrive as `{ type: 'failed' }` and end the job.
 */
export function runImportJob(workers: ImportWorkerFactory, request: WorkerRequest, onReply: (reply: WorkerReply) => void): ImportJob {
  let stopped = false;
  let worker: ImportWorkerLike | undefined;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    worker?.terminate();
  };
  const fail = () => {
    if (stopped) return;
    stop();
    onReply({ type: 'failed' });
  };
  const passedOn = (batches: number) => {
    if (!stopped) worker?.postMessage({ type: 'passed-on', batches });
  };
  try {
    worker = workers();
  } catch {
    queueMicrotask(fail);
    return { stop, passedOn };
  }
  worker.onmessage = (event) => {
    if (stopped) return;
    const reply = workerReplySchema.safeParse(event.data);
    if (!reply.success) {
      fail();
      return;
    }
    onReply(reply.data);
  };
  worker.onerror = (event) => {
    // The worker's own error (it could carry file content) stays out of the page.
    event.preventDefault();
    fail();
  };
  worker.onmessageerror = fail;
  worker.postMessage(request);
  return { stop, passedOn };
}

/** An import's one outcome: the first end (a result, or `{ error }`) settles it; later ones are ignored. */
export interface ImportOutcome<T> {
  readonly promise: Promise<T>;
  /** Whether the import has ended: nothing more is sent or reported after that. */
  readonly finished: boolean;
  end(result: T | { readonly error: unknown }): void;
}

/** `onEnd` runs once, on the first end, before the outcome settles (stop the job, discard what was sent). */
export function createImportOutcome<T extends object>(onEnd: (result: T | { readonly error: unknown }) => void): ImportOutcome<T> {
  let settle!: (result: T) => void;
  let fail!: (error: unknown) => void;
  const promise = new Promise<T>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  let finished = false;
  return {
    promise,
    get finished() {
      return finished;
    },
    end(result) {
      if (finished) return;
      finished = true;
      onEnd(result);
      if ('error' in result) fail(result.error);
      else settle(result);
    },
  };
}
