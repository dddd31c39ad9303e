/**
 * The import worker's FedACH read, without a browser: progress by bytes, a summary before the
 * records, records in batches equal to the bank core's one-shot parse, cancellation mid-file.
 */
import { describe, expect, it } from 'vitest';
import { parseFedAchDirectory } from '@/utils/bank/fedach-parser';
import { handleWorkerMessage } from '@/utils/import-worker/handle-message';
import { DIRECTORY_BATCH_RECORDS, DIRECTORY_PROBLEMS_SHOWN, workerReplySchema, type WorkerReply } from '@/utils/import-worker/messages';
import { fedAchJson, fedAchText, fedAchTextLine, generateFedAchEntries } from '../bank/fedach-generator';

/** A Blob whose stream gives 64 KiB pieces, as browsers' do. */
function chunkedBlob(text: string): Blob {
  const blob = new Blob([text]);
  return Object.assign(blob, {
    stream: () => {
      let at = 0;
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (at >= blob.size) return controller.close();
          controller.enqueue(new Uint8Array(await blob.slice(at, at + 65_536).arrayBuffer()));
          at += 65_536;
        },
      });
    },
  });
}

async function read(file: Blob, signal?: AbortSignal, onReply: (reply: WorkerReply) => void = () => {}) {
  const replies: WorkerReply[] = [];
  await handleWorkerMessage(
    { type: 'read-directory', file },
    (reply) => {
      expect(workerReplySchema.safeParse(reply).success).toBe(true);
      replies.push(reply);
      onReply(reply);
    },
    signal ? { signal } : {},
    (error) => {
      throw error;
    },
  );
  return replies;
}

describe('read-directory', () => {
  it('reports bytes read, then a summary, then the records in batches', async () => {
    const entries = generateFedAchEntries(5_000, { seed: 4 });
    const lines = entries.map(fedAchTextLine);
    lines.splice(3, 0, '021000021X short');
    const text = lines.join('\n') + '\n';
    const file = chunkedBlob(text);
    const replies = await read(file);

    const progress = replies.filter((reply) => reply.type === 'directory-progress');
    expect(progress.length).toBeGreaterThan(3);
    const bytes = progress.map((reply) => reply.bytesRead);
    expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ type: 'directory-progress', bytesRead: file.size, totalBytes: file.size });

    const expected = parseFedAchDirectory(text, { maxProblems: DIRECTORY_PROBLEMS_SHOWN });
    const summaryAt = replies.findIndex((reply) => reply.type === 'directory-read');
    expect(replies[summaryAt]).toEqual({
      type: 'directory-read',
      format: 'text',
      recordCount: 5_000,
      itemsRead: expected.itemsRead,
      problemCount: 1,
      problems: [expect.objectContaining({ line: 4, message: expect.stringMatching(/^Line 4: a directory record has 155 characters/) })],
    });
    const batches = replies.slice(summaryAt + 1);
    expect(batches.map((reply) => reply.type === 'records' && reply.count)).toEqual([DIRECTORY_BATCH_RECORDS, DIRECTORY_BATCH_RECORDS, 1_000]);
    expect(batches.flatMap((reply) => (reply.type === 'records' ? JSON.parse(reply.json) : []))).toEqual(expected.records);
  });

  it('reads the JSON download too, and a file without records gives a summary of none', async () => {
    const json = await read(new Blob([fedAchJson(generateFedAchEntries(30, { seed: 2 }))]));
    expect(json.find((reply) => reply.type === 'directory-read')).toMatchObject({ format: 'json', recordCount: 30 });
    const html = await read(new Blob(['<html>not a directory</html>\n']));
    expect(html.at(-1)).toMatchObject({ type: 'directory-read', recordCount: 0 });
    expect(html.at(-1)!.type === 'directory-read' && html.at(-1)).toMatchObject({
      problems: expect.arrayContaining([expect.objectContaining({ code: 'fedach.no-records' })]),
    });
  });

  it('stops mid-file when cancelled: no summary, no records', async () => {
    const controller = new AbortController();
    const text = fedAchText(generateFedAchEntries(3_000, { seed: 9 }));
    const replies = await read(chunkedBlob(text), controller.signal, (reply) => {
      if (reply.type === 'directory-progress' && reply.bytesRead > 0) controller.abort();
    });
    expect(replies.map((reply) => reply.type)).toEqual(['directory-progress', 'directory-progress']);
  });
});
