// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '@/components/options/OptionsApp';
import type { FedAchRecord } from '@/utils/bank/fedach-record';
import { expectedRecord, fedAchJson, fedAchText, fedAchTextLine, generateFedAchEntries } from '../bank/fedach-generator';
import { fakeBackground } from './fake-background';

afterEach(cleanup);

/** The import worker's replies come task by task; a loaded machine takes its time. */
const WORKER_WAIT = { timeout: 15_000 };

/** A background that assembles the chunks like the real one and reports the status. */
function directoryBackground(profilesWarned = 0) {
  let received: FedAchRecord[] = [];
  return fakeBackground({
    'directory/import-begin': async () => {
      received = [];
      return { importId: 'imp-1' };
    },
    'directory/import-chunk': async ({ recordsJson }) => {
      received.push(...(JSON.parse(recordsJson) as FedAchRecord[]));
      return { received: received.length };
    },
    'directory/import-commit': async ({ importId }) => {
      expect(importId).toBe('imp-1');
      const dates = received.flatMap((record) => (record.changeDate ? [record.changeDate] : [])).sort();
      return {
        recordCount: received.length,
        importedAt: '2026-03-01T14:00:00.000Z',
        sourceName: 'FedACHdir.txt',
        newestChangeDate: dates[dates.length - 1]!,
        profilesWarned,
      };
    },
  });
}

/** A file whose stream() hands out 64 KiB pieces, as browsers do (happy-dom gives one piece). */
class ChunkedFile extends File {
  override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    const blob: Blob = this;
    let at = 0;
    return new ReadableStream({
      async pull(controller) {
        if (at >= blob.size) return controller.close();
        controller.enqueue(new Uint8Array(await blob.slice(at, at + 65_536).arrayBuffer()));
        at += 65_536;
      },
    });
  }
}

function chooseFile(label: string, file: File) {
  fireEvent.change(screen.getByLabelText(label), { target: { files: [file] } });
}

describe('FedACH directory section', () => {
  it('says how many saved profiles the new file warns about, and where they are named', async () => {
    const background = directoryBackground(3);
    const text = generateFedAchEntries(20, { seed: 3 }).map(fedAchTextLine).join('\r\n') + '\r\n';
    render(<OptionsApp services={background.services} />);
    await screen.findByText('No directory imported yet.');
    chooseFile('FedACH directory file', new ChunkedFile([text], 'FedACHdir.txt', { type: 'text/plain' }));
    await screen.findByText(
      'The FedACH directory was imported and is now in use. 3 saved profiles have routing numbers this file lists as replaced or not at all: Enrollment status names them.',
      {},
      WORKER_WAIT,
    );
  });

  it('streams the file, sends records in chunks of 2,000, reaches 100% and lists the bad lines', async () => {
    const background = directoryBackground();
    const entries = generateFedAchEntries(4_500, { seed: 11 });
    const lines = entries.map(fedAchTextLine);
    // Two bad lines among the good ones: a short line (line 3) and a bad office code (line 10).
    lines.splice(2, 0, '021000021X short');
    lines.splice(9, 0, lines[20]!.slice(0, 9) + 'Z' + lines[20]!.slice(10));
    const text = lines.join('\r\n') + '\r\n';
    render(<OptionsApp services={background.services} />);
    await screen.findByText('No directory imported yet.');

    chooseFile('FedACH directory file', new ChunkedFile([text], 'FedACHdir.txt', { type: 'text/plain' }));

    await screen.findByText(/^Current directory: 4,500 records, imported .+, file dated .+\.$/, {}, WORKER_WAIT);
    const chunks = background.sentOf('directory/import-chunk');
    const batches = chunks.map((chunk) => JSON.parse(chunk.payload.recordsJson) as FedAchRecord[]);
    expect(batches.map((records) => records.length)).toEqual([2_000, 2_000, 500]);
    expect(background.sentOf('directory/import-begin')).toEqual([{ type: 'directory/import-begin', payload: { sourceName: 'FedACHdir.txt' } }]);
    expect(background.sentOf('directory/import-commit')).toHaveLength(1);
    const sent = batches.flat();
    expect(sent).toEqual(entries.map(expectedRecord));

    const progress = screen.getByLabelText('Directory import progress') as HTMLProgressElement;
    expect(Number(progress.getAttribute('value'))).toBe(Number(progress.getAttribute('max')));
    expect(screen.getByText('Finished.')).toBeTruthy();
    expect(screen.getByText('The FedACH directory was imported and is now in use.')).toBeTruthy();
    // The count appears once, so a reader (or a test) finds one place that states it.
    expect(screen.getAllByText(/4,500/)).toHaveLength(1);

    expect(screen.getByRole('heading', { name: '2 problems in the file' })).toBeTruthy();
    expect(screen.getByText(/^Line 3: a directory record has 155 characters, this line has 16; skipped\.$/)).toBeTruthy();
    expect(screen.getByText(/^Line 10: the office code is not O/)).toBeTruthy();
    expect(screen.getByText('These lines were skipped; the other records were imported.')).toBeTruthy();
  });

  it('reports the progress by bytes read while the file is read', async () => {
    const background = directoryBackground();
    const text = fedAchText(generateFedAchEntries(3_000, { seed: 5 }));
    const seen: number[] = [];
    render(<OptionsApp services={background.services} />);
    const input = screen.getByLabelText('FedACH directory file');
    const observer = new MutationObserver(() => {
      const progress = document.querySelector('progress');
      if (progress) seen.push(Number(progress.getAttribute('value')) / Number(progress.getAttribute('max')));
    });
    observer.observe(document.body, { subtree: true, attributes: true, childList: true });
    fireEvent.change(input, { target: { files: [new ChunkedFile([text], 'FedACHdir.txt')] } });
    await screen.findByText(/3,000 records/, {}, WORKER_WAIT);
    observer.disconnect();
    expect(seen[seen.length - 1]).toBe(1);
    expect(seen.some((fraction) => fraction > 0 && fraction < 1)).toBe(true);
  });

  it('imports the JSON download too, and counts the bad lines beyond the first 20', async () => {
    const background = directoryBackground();
    const entries = generateFedAchEntries(60, { seed: 3 });
    for (const entry of entries.slice(0, 25)) entry.officeCode = 'X';
    render(<OptionsApp services={background.services} />);
    chooseFile('FedACH directory file', new File([fedAchJson(entries, { indent: 1 })], 'fedach.json'));
    await screen.findByText(/Current directory: 35 records/, {}, WORKER_WAIT);
    expect(screen.getByRole('heading', { name: '25 problems in the file (the first 20 are listed)' })).toBeTruthy();
    expect(document.querySelectorAll('.problems li')).toHaveLength(20);
  });

  it('sends nothing for a file without records and says why', async () => {
    const background = directoryBackground();
    render(<OptionsApp services={background.services} />);
    chooseFile('FedACH directory file', new File(['<html>not a directory</html>\n'], 'download.txt'));
    await waitFor(() =>
      expect(document.getElementById('directory-error')!.textContent).toMatch(
        /^No directory records were found; .* The directory was not changed\.$/,
      ),
      WORKER_WAIT,
    );
    expect(background.sentOf('directory/import-begin')).toHaveLength(0);
  });

  it('shows the current directory on load', async () => {
    const background = fakeBackground({
      'directory/status': async () => ({
        status: { recordCount: 18_532, importedAt: '2026-02-10T10:00:00.000Z', sourceName: 'FedACHdir.txt', newestChangeDate: '2026-02-01' },
      }),
    });
    render(<OptionsApp services={background.services} />);
    expect(await screen.findByText(/^Current directory: 18,532 records, imported .+, file dated Feb 1, 2026\.$/)).toBeTruthy();
  });
});
