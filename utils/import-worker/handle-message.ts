/**
 * The import worker's one message handler: parses the page's request, runs the job, and answers
 * "failed" (no details: they could hold file content) when something breaks that is not the
 * file's fault. Pure apart from the Blob it reads, so tests run it without a browser.
 */
import { checkProfilesFile } from './check-profiles';
import { workerRequestSchema, type WorkerPost } from './messages';
import { readDirectoryFile } from './read-directory';
import type { RunControl } from './run-control';

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
    else await readDirectoryFile(request.data, post, control);
  } catch (error) {
    onError(error);
    post({ type: 'failed' });
  }
}
