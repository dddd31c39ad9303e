/**
 * The options page's import worker run in the test's own thread: the very message handler the
 * real worker runs (utils/import-worker), behind the Worker-like interface the page uses, with
 * replies structured-cloned and delivered as separate tasks as a real worker's are, and the same
 * flow control. terminate() stops the job between batches and drops any reply still on its way.
 */
import type { ImportWorkerFactory, ImportWorkerLike } from '@/components/options/import-worker-client';
import { createWorkerSession } from '@/utils/import-worker/handle-message';
import type { WorkerRequest } from '@/utils/import-worker/messages';

export interface InProcessWorkers {
  readonly factory: ImportWorkerFactory;
  /** Every job handed to a worker, in order (flow-control messages left out). */
  readonly requests: WorkerRequest[];
  /** Workers started and terminated so far. */
  readonly counts: { started: number; terminated: number };
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** `pause` runs between the worker's batches (a test may hold the worker there). */
export function inProcessWorkers(pause: () => Promise<void> = nextTask): InProcessWorkers {
  const requests: WorkerRequest[] = [];
  const counts = { started: 0, terminated: 0 };
  const factory: ImportWorkerFactory = () => {
    counts.started++;
    const stop = new AbortController();
    const session = createWorkerSession(
      (reply) => {
        const data = structuredClone(reply);
        setTimeout(() => {
          if (!stop.signal.aborted) worker.onmessage?.({ data } as MessageEvent);
        }, 0);
      },
      (error) => {
        throw error;
      },
      { signal: stop.signal, pause },
    );
    const worker: ImportWorkerLike = {
      onmessage: null,
      onerror: null,
      onmessageerror: null,
      postMessage(message) {
        if (message.type !== 'passed-on') requests.push(message);
        setTimeout(() => session(message), 0);
      },
      terminate() {
        counts.terminated++;
        stop.abort();
      },
    };
    return worker;
  };
  return { factory, requests, counts };
}
