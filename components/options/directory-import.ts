/**
 * Imports a FedACH directory file picked in the options page: the file is streamed through the
 * bank core's parser here in the page (the whole file is never one string), then the good records
 * go to the background in chunks, begin → chunk… → commit, so no single message is huge and the
 * background keeps the previous directory until the commit.
 */
import { createFedAchParser } from '@/utils/bank/fedach-parser';
import type { FedAchParseResult } from '@/utils/bank/fedach-parse-result';
import type { DirectoryStatus } from '@/utils/messaging/shapes';
import type { Request } from './options-services';

/** Records per directory/import-chunk message. */
export const DIRECTORY_CHUNK_SIZE = 2_000;
/** Bad lines shown in full; the rest are counted. */
export const DIRECTORY_PROBLEMS_SHOWN = 20;

export type DirectoryImportProgress =
  | { readonly phase: 'reading'; readonly bytesRead: number; readonly totalBytes: number }
  | { readonly phase: 'saving'; readonly recordsSent: number; readonly totalRecords: number };

export interface DirectoryImportOutcome {
  readonly parse: FedAchParseResult;
  /** The new directory's status; undefined when the file held no usable record. */
  readonly status?: DirectoryStatus;
}

/** Counts the bytes going through, for the progress bar. */
function byteCounter(onBytes: (bytes: number) => void): TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>> {
  let total = 0;
  return new TransformStream({
    transform(chunk, controller) {
      total += chunk.byteLength;
      controller.enqueue(chunk);
      onBytes(total);
    },
  });
}

export async function readDirectoryFile(
  file: Blob,
  onProgress: (progress: DirectoryImportProgress) => void,
): Promise<FedAchParseResult> {
  const totalBytes = file.size;
  // The parser picks the format from the first character, whatever the file is called.
  const parser = createFedAchParser({ maxProblems: DIRECTORY_PROBLEMS_SHOWN });
  const text = file
    .stream()
    .pipeThrough(byteCounter((bytesRead) => onProgress({ phase: 'reading', bytesRead, totalBytes })))
    .pipeThrough(new TextDecoderStream());
  const reader = text.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.push(value);
  }
  onProgress({ phase: 'reading', bytesRead: totalBytes, totalBytes });
  return parser.end();
}

export async function importDirectoryFile(
  file: Blob & { readonly name: string },
  request: Request,
  onProgress: (progress: DirectoryImportProgress) => void,
): Promise<DirectoryImportOutcome> {
  const parse = await readDirectoryFile(file, onProgress);
  const { records } = parse;
  if (records.length === 0) return { parse };
  const { importId } = await request('directory/import-begin', { sourceName: file.name });
  for (let at = 0; at < records.length; at += DIRECTORY_CHUNK_SIZE) {
    await request('directory/import-chunk', { importId, records: records.slice(at, at + DIRECTORY_CHUNK_SIZE) });
    onProgress({ phase: 'saving', recordsSent: Math.min(at + DIRECTORY_CHUNK_SIZE, records.length), totalRecords: records.length });
  }
  const status = await request('directory/import-commit', { importId });
  return { parse, status };
}
