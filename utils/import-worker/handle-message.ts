/**
 * The import worker's message handling: parses the page's request, runs the job, and answers
 * "failed" (no details: they could hold file content) when something breaks that is not the
 * file's fault. Pure apart from the Blob it reads, so tests run it without a browser.
 */
import { checkProfilesFile } from './check-profiles';
import { workerRequestSchema, type WorkerPost } from './messages';
import { readDirectoryFile } from './read-directory';
import { createFlowControl, type RunControl } from './run-control';

export async function handleWorkerMessage(
  data: unknown,
  post: WorkerPost,
  control: RunControl = {},
  onError: (error: unknown) => void = () => {},
): Promise<void> {
  const request = workerRequestSchema.safeParse(data);
  if (!request.success) {
    post({ type: 'failed' });
    return;
  }
  try {
    if (request.data.type === 'check-profiles') await checkProfilesFile(request.data, post, control);
    else if (request.data.type === 'read-directory') await readDirectoryFile(request.data, post, control);
    else post({ type: 'failed' });
  } catch (error) {
    onError(error);
    post({ type: 'failed' });
  }
}

/**
 * One worker's life: the first message is its job; after it, only the page's 'passed-on'
 * acknowledgements, which let the job post more data batches. Anything else is ignored.
 */
export function createWorkerSession(
  post: WorkerPost,
  onError: (error: unknown) => void = () => {},
  control: Omit<RunControl, 'passedOn'> = {},
) {
  const flow = createFlowControl();
  let started = false;
  return (data: unknown): void => {
    if (!started) {
      started = true;
      void handleWorkerMessage(data, post, { ...control, passedOn: flow.passedOn }, onError);
      return;
    }
    const message = workerRequestSchema.safeParse(data);
    if (message.success && message.data.type === 'passed-on') flow.acknowledge(message.data.batches);
  };
}
