/**
 * The import worker's profile check, without a browser: batches with progress, the same rows and
 * words as the one-shot readers, a capped list of rejected lines, cancellation between batches,
 * whole-file refusals and encrypted backups.
 */
import { describe, expect, it } from 'vitest';
import { createWorkerSession, handleWorkerMessage } from '@/utils/import-worker/handle-message';
import { BATCHES_AHEAD } from '@/utils/import-worker/run-control';
import { IMPORT_BATCH_ROWS, PROBLEMS_SHOWN, workerReplySchema, type WireImportCandidate, type WorkerReply } from '@/utils/import-worker/messages';
import { encryptBackup } from '@/utils/profile-transfer/backup-crypto';
import { parseProfileImport } from '@/utils/profile-transfer/parse-import';
import { MAX_IMPORT_BYTES } from '@/utils/profile-transfer/types';
import { profilesCsv, PROFILES_CSV_HEADER } from '../../support/profiles-csv';

const NOW = '2026-03-02T10:00:00.000Z';

async function run(text: string | Blob, fileName = 'profiles.csv', extra: Record<string, unknown> = {}, signal?: AbortSignal) {
  const replies: WorkerReply[] = [];
  const file = typeof text === 'string' ? new Blob([text]) : text;
  await handleWorkerMessage(
    { type: 'check-profiles', file, fileName, now: NOW, ...extra },
    (reply) => {
      // Every reply the worker posts is one the page accepts.
      expect(workerReplySchema.safeParse(reply).success).toBe(true);
      replies.push(reply);
    },
    signal ? { signal } : {},
    (error) => {
      throw error;
    },
  );
  return replies;
}

/** The profiles of the worker's 'candidates' batches, in order. */
const candidatesOf = (replies: WorkerReply[]) =>
  replies.flatMap((reply) => (reply.type === 'candidates' ? (JSON.parse(reply.json) as WireImportCandidate[]) : []));

const ofType = <T extends WorkerReply['type']>(replies: WorkerReply[], type: T) =>
  replies.filter((reply): reply is Extract<WorkerReply, { type: T }> => reply.type === type);

describe('check-profiles', () => {
  it('checks in batches, posting progress after each, and gives the rows and words of the one-shot reader', async () => {
    const rows = 1_234;
    const text = profilesCsv(rows, { invalidAt: (n) => n % 7 === 0 });
    const replies = await run(text);

    expect(replies.slice(0, 3).map((reply) => reply.type)).toEqual(['stage', 'stage', 'progress']);
    const progress = ofType(replies, 'progress').map(({ done, total }) => [done, total]);
    expect(progress).toEqual([
      [0, rows],
      [IMPORT_BATCH_ROWS, rows],
      [2 * IMPORT_BATCH_ROWS, rows],
      [rows, rows],
    ]);
    for (const batch of ofType(replies, 'candidates')) {
      expect(batch.count).toBeLessThanOrEqual(IMPORT_BATCH_ROWS);
      expect(JSON.parse(batch.json)).toHaveLength(batch.count);
    }

    const oneShot = parseProfileImport(text, 'csv', { now: NOW });
    if (!oneShot.ok) throw new Error(oneShot.reason);
    expect(candidatesOf(replies)).toEqual(oneShot.candidates);
    const done = replies.at(-1);
    expect(done).toEqual({
      type: 'profiles-done',
      total: rows,
      accepted: oneShot.candidates.length,
      rejectedCount: oneShot.rejected.length,
      rejected: oneShot.rejected.slice(0, PROBLEMS_SHOWN),
    });
    expect(oneShot.rejected.length).toBe(Math.ceil(rows / 7));
    expect(oneShot.rejected.length).toBeGreaterThan(PROBLEMS_SHOWN);
    // Line by line, in the readers' own words.
    expect(oneShot.rejected[0]).toEqual({
      line: 2,
      reasons: [expect.stringMatching(/^Routing number: .*check-digit/), expect.stringMatching(/^Account number: .*letter “x” at position 1/)],
    });
  });

  it('judges duplicates across batches as a single pass does', async () => {
    const lines = profilesCsv(IMPORT_BATCH_ROWS + 10).trimEnd().split('\n');
    // The last row repeats the first row's label, one batch later.
    lines.push(lines[1]!.replace(/^Importer 0,/, 'importer 0 ,').replace('10-000000000', '11-999999900'));
    const replies = await run(lines.join('\n'));
    const done = replies.at(-1) as Extract<WorkerReply, { type: 'profiles-done' }>;
    expect(done.rejectedCount).toBe(1);
    expect(done.rejected).toEqual([{ line: lines.length, reasons: [expect.stringMatching(/the profile on line 2 has the same label/)] }]);
  });

  it('stops between batches when cancelled: no more progress, no result', async () => {
    const controller = new AbortController();
    const replies: WorkerReply[] = [];
    await handleWorkerMessage(
      { type: 'check-profiles', file: new Blob([profilesCsv(5 * IMPORT_BATCH_ROWS)]), fileName: 'big.csv', now: NOW },
      (reply) => {
        replies.push(reply);
        if (reply.type === 'progress' && reply.done === IMPORT_BATCH_ROWS) controller.abort();
      },
      { signal: controller.signal },
    );
    expect(replies.at(-1)).toEqual({ type: 'progress', done: IMPORT_BATCH_ROWS, total: 5 * IMPORT_BATCH_ROWS });
    expect(ofType(replies, 'profiles-done')).toEqual([]);
    expect(candidatesOf(replies)).toHaveLength(IMPORT_BATCH_ROWS);
  });

  it('posts good profiles only a few batches ahead of what the page has passed on', async () => {
    const replies: WorkerReply[] = [];
    const session = createWorkerSession((reply) => replies.push(reply));
    const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
    const batches = () => ofType(replies, 'candidates').length;
    session({ type: 'check-profiles', file: new Blob([profilesCsv(10 * IMPORT_BATCH_ROWS)]), fileName: 'big.csv', now: NOW });
    await settle();
    expect(batches()).toBe(BATCHES_AHEAD + 1);
    session({ type: 'passed-on', batches: 1 });
    await settle();
    expect(batches()).toBe(BATCHES_AHEAD + 2);
    // A second job request is no acknowledgement: ignored.
    session({ type: 'check-profiles', file: new Blob(['x']), fileName: 'x.csv', now: NOW });
    await settle();
    expect(batches()).toBe(BATCHES_AHEAD + 2);
    session({ type: 'passed-on', batches: 10 });
    await settle();
    expect(batches()).toBe(10);
    expect(replies.at(-1)).toMatchObject({ type: 'profiles-done', accepted: 10 * IMPORT_BATCH_ROWS });
  });

  it('refuses a file as a whole with the reader\'s words', async () => {
    expect((await run(`${PROFILES_CSV_HEADER.replace('importer_name', 'importer_nmae')}\nx\n`)).at(-1)).toEqual({
      type: 'refused',
      code: 'invalid-import',
      reason: expect.stringMatching(/does not know: "importer_nmae"/),
    });
    expect((await run('{"hello": 1}', 'profiles.json')).at(-1)).toMatchObject({
      type: 'refused',
      reason: expect.stringMatching(/not an ACE ACH Assist profiles file/),
    });
    expect((await run('  \n', 'empty.csv')).at(-1)).toEqual({ type: 'refused', code: 'invalid-import', reason: 'The file is empty.' });
    const tooLarge = new Blob([new Uint8Array(MAX_IMPORT_BYTES + 1)]);
    expect((await run(tooLarge)).at(-1)).toEqual({ type: 'refused', code: 'invalid-import', reason: expect.stringMatching(/^The file is 10\.0 MB; profiles files over 10 MB/) });
  });

  it('asks for the passphrase of an encrypted backup, refuses a wrong one, opens it with the right one', async () => {
    const plain = JSON.stringify({
      format: 'ace-ach-assist-profiles',
      version: 1,
      exportedAt: NOW,
      profiles: [
        {
          id: 'abc-123',
          schemaVersion: 1, label: 'Restored', importerName: 'R LLC', importerNumbers: ['12-345678900'], bankName: 'B',
          routingNumber: '011000015', accountNumber: '0001234', accountType: 'checking', accountHolderName: 'R LLC',
        },
      ],
    });
    const sealed = await encryptBackup(plain, 'backup passphrase 1', { iterations: 1_000 });
    expect(await run(sealed, 'backup.json')).toEqual([{ type: 'stage', stage: 'reading' }, { type: 'needs-passphrase' }]);
    expect((await run(sealed, 'backup.json', { backupPassphrase: 'nope' })).at(-1)).toMatchObject({ type: 'refused', code: 'wrong-passphrase' });
    const opened = await run(sealed, 'backup', { backupPassphrase: 'backup passphrase 1' });
    expect(candidatesOf(opened)).toEqual([expect.objectContaining({ line: 1, id: 'abc-123', profile: expect.objectContaining({ label: 'Restored' }) })]);
    expect(opened.at(-1)).toMatchObject({ type: 'profiles-done', accepted: 1, rejectedCount: 0 });
  });

  it('leaves out an id not shaped like ours (it could match no saved profile)', async () => {
    const csv = `${PROFILES_CSV_HEADER},id\nA,A LLC,12-345678900,Chase,011000015,12345678,checking,A LLC,has spaces!\nB,B LLC,12-345678901,Chase,011000015,12345679,checking,B LLC,ok_id-1\n`;
    const candidates = candidatesOf(await run(csv));
    expect(candidates.map((candidate) => candidate.id)).toEqual([undefined, 'ok_id-1']);
  });

  it('answers failed to a request it cannot read', async () => {
    const replies: WorkerReply[] = [];
    await handleWorkerMessage({ type: 'check-profiles', file: 'not a file', fileName: 'x', now: NOW }, (reply) => replies.push(reply));
    await handleWorkerMessage({ type: 'format-disk' }, (reply) => replies.push(reply));
    expect(replies).toEqual([{ type: 'failed' }, { type: 'failed' }]);
  });
});
