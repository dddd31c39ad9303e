/**
 * The import worker's FedACH directory read: the file is streamed through the bank core's
 * parser (never one string), progress posted by bytes read, then a summary (record count, the
 * first problems with their line numbers) and the good records in batches for the background.
 */
import { createFedAchParser } from '@/utils/bank/fedach-parser';
import { DIRECTORY_BATCH_RECORDS, DIRECTORY_PROBLEMS_SHOWN, type WorkerPost, type WorkerRequest } from './messages';
import { shouldStop, type RunControl } from './run-control';

type ReadDirectoryRequest = Extract<WorkerRequest, { type: 'read-directory' }>;

export async function readDirectoryFile(request: ReadDirectoryRequest, post: WorkerPost, control: RunControl = {}): Promise<void> {
  const { file } = request;
  const totalBytes = file.size;
  // The parser picks the format from the first character, whatever the file is called.
  const parser = createFedAchParser({ maxProblems: DIRECTORY_PROBLEMS_SHOWN });
  const decoder = new TextDecoder();
  const reader = file.stream().getReader();
  let bytesRead = 0;
  post({ type: 'directory-progress', bytesRead, totalBytes });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytesRead += value.byteLength;
    parser.push(decoder.decode(value, { stream: true }));
    post({ type: 'directory-progress', bytesRead, totalBytes });
    if (await shouldStop(control)) {
      await reader.cancel();
      return;
    }
  }
  parser.push(decoder.decode());
  const result = parser.end();
  // The summary first, so the page knows how many records to expect before they arrive.
  post({
    type: 'directory-read',
    format: result.format,
    recordCount: result.records.length,
    itemsRead: result.itemsRead,
    problemCount: result.problemCount,
    problems: result.problems,
  });
  let batchesPosted = 0;
  for (let at = 0; at < result.records.length; at += DIRECTORY_BATCH_RECORDS) {
    if (await shouldStop(control)) return;
    const records = result.records.slice(at, at + DIRECTORY_BATCH_RECORDS);
    // As JSON text: the page passes it on without building (and re-serialising) the objects.
    post({ type: 'records', count: records.length, json: JSON.stringify(records) });
    await control.passedOn?.(++batchesPosted);
  }
}
