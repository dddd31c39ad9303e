/**
 * The import worker's profile check: reads the chosen file, opens an encrypted backup with its
 * passphrase, then runs the profile readers of utils/profile-transfer batch by batch, posting the
 * good rows (for the background) and progress after each batch. Rejected lines keep the readers'
 * own words; only the first PROBLEMS_SHOWN are posted in full, the rest are counted, so an
 * all-wrong file of 100,000 rows does not flood the page.
 */
import {
  BackupFormatError,
  BackupPassphraseError,
  decryptBackup,
  isEncryptedBackup,
} from '@/utils/profile-transfer/backup-crypto';
import { profileFileFormat } from '@/utils/profile-transfer/file-format';
import { startProfileImport, tooLargeReason } from '@/utils/profile-transfer/parse-import';
import { MAX_IMPORT_BYTES, PROFILE_ID_SHAPE, type RejectedLine } from '@/utils/profile-transfer/types';
import { IMPORT_BATCH_ROWS, PROBLEMS_SHOWN, type WireImportCandidate, type WorkerPost, type WorkerRequest } from './messages';
import { shouldStop, type RunControl } from './run-control';

type CheckProfilesRequest = Extract<WorkerRequest, { type: 'check-profiles' }>;

export async function checkProfilesFile(request: CheckProfilesRequest, post: WorkerPost, control: RunControl = {}): Promise<void> {
  const { file, fileName } = request;
  if (file.size > MAX_IMPORT_BYTES) {
    post({ type: 'refused', code: 'invalid-import', reason: tooLargeReason(file.size) });
    return;
  }
  post({ type: 'stage', stage: 'reading' });
  let text: string;
  try {
    text = await file.text();
  } catch {
    post({ type: 'refused', code: 'invalid-import', reason: `${fileName} could not be read; choose the file again.` });
    return;
  }
  let format = profileFileFormat(fileName, text);
  // By its content, whatever the file is called (isEncryptedBackup looks no further than a first '{').
  if (isEncryptedBackup(text)) {
    if (request.backupPassphrase === undefined) {
      post({ type: 'needs-passphrase' });
      return;
    }
    post({ type: 'stage', stage: 'decrypting' });
    try {
      text = await decryptBackup(text, request.backupPassphrase);
    } catch (error) {
      if (error instanceof BackupPassphraseError) post({ type: 'refused', code: 'wrong-passphrase', reason: error.message });
      else if (error instanceof BackupFormatError) post({ type: 'refused', code: 'invalid-import', reason: error.message });
      else throw error;
      return;
    }
    // A decrypted backup is always the JSON format, whatever the file was called.
    format = 'json';
  }
  if (await shouldStop(control)) return;
  post({ type: 'stage', stage: 'parsing' });
  const run = startProfileImport(text, format, { now: request.now });
  if (!run.ok) {
    post({ type: 'refused', code: 'invalid-import', reason: run.reason });
    return;
  }

  const { rows } = run;
  let accepted = 0;
  let rejectedCount = 0;
  let batchesPosted = 0;
  const rejected: RejectedLine[] = [];
  post({ type: 'progress', done: 0, total: rows.total });
  while (rows.done < rows.total) {
    if (await shouldStop(control)) return;
    const batch = rows.next(IMPORT_BATCH_ROWS);
    accepted += batch.candidates.length;
    rejectedCount += batch.rejected.length;
    for (const line of batch.rejected) {
      if (rejected.length >= PROBLEMS_SHOWN) break;
      rejected.push(line);
    }
    if (batch.candidates.length > 0) {
      // An id not shaped like ours can match no saved profile; without it the plan is the same.
      const candidates = batch.candidates.map(({ line, id, profile }): WireImportCandidate =>
        id === undefined || !PROFILE_ID_SHAPE.test(id) ? { line, profile } : { line, id, profile },
      );
      // As JSON text: the page passes it on without building (and re-serialising) the objects.
      post({ type: 'candidates', count: candidates.length, json: JSON.stringify(candidates) });
      batchesPosted++;
    }
    post({ type: 'progress', done: rows.done, total: rows.total });
    await control.passedOn?.(batchesPosted);
  }
  post({ type: 'profiles-done', total: rows.total, accepted, rejectedCount, rejected });
}
