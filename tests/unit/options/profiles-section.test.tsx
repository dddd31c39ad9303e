// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '@/components/options/OptionsApp';
import { testPassphraseEstimator } from '../../support/passphrase-estimator';
import { makeProblem } from '@/utils/bank/problems';
import { RequestError } from '@/utils/messaging/request-error';
import { encryptBackup } from '@/utils/profile-transfer/backup-crypto';
import { planImport } from '@/utils/profile-transfer/plan-import';
import type { ImportCandidate } from '@/utils/profile-transfer/types';
import { profilesCsv } from '../../support/profiles-csv';
import { fakeBackground } from './fake-background';
import { inProcessWorkers } from './in-process-worker';

afterEach(cleanup);

/** The import worker's replies come task by task; a loaded machine takes its time. */
const WORKER_WAIT = { timeout: 15_000 };

const CSV = [
  'label,importer_name,importer_numbers,bank_name,routing_number,account_number,account_type,account_holder_name',
  'Acme main,Acme Imports LLC,12-345678900,First Bank,011000015,000123456789,checking,Acme Imports LLC',
  'Bad checksum,Beta Corp,23-456789000,Some Bank,011000016,55554444,checking,Beta Corp',
  'Globex,Globex Trading Co,98-765432100,Bank of America,026009593,4455667788,savings,Globex Trading Co',
  '"Too long, account",Gamma LLC,34-567890100,Gamma Bank,026009593,123456789012345678,01,Gamma LLC',
].join('\r\n');

/**
 * A background that stages the worker's profiles and plans them with the real planner, with one
 * saved profile "Globex".
 */
function transferBackground(overrides: Parameters<typeof fakeBackground>[0] = {}) {
  const staged = new Map<string, ImportCandidate[]>();
  let imports = 0;
  return {
    staged,
    ...fakeBackground({
      'import/begin': async () => {
        const importId = `import-${++imports}`;
        staged.set(importId, []);
        return { importId };
      },
      'import/chunk': async ({ importId, candidatesJson }) => {
        const candidates = JSON.parse(candidatesJson) as ImportCandidate[];
        const list = staged.get(importId);
        if (!list) throw new RequestError('not-found', 'Unknown import.');
        list.push(...candidates);
        return { received: list.length };
      },
      'import/preview': async ({ importId }) => {
        const candidates = staged.get(importId);
        if (!candidates) throw new RequestError('not-found', 'Unknown import.');
        staged.delete(importId);
        const plan = planImport(candidates, [{ id: 'g1', label: 'globex', importerNumbers: [] }]);
        return {
          token: 'token-1',
          added: plan.add.length,
          updated: plan.update.length,
          add: plan.add.slice(0, 100).map(({ line, profile }) => ({ line, label: profile.label, importerNumbers: profile.importerNumbers })),
          update: plan.update.slice(0, 100).map(({ line, id, profile }) => ({ line, id, label: profile.label, importerNumbers: profile.importerNumbers })),
        };
      },
      'import/discard': async ({ token }) => {
        staged.delete(token);
        return { done: true };
      },
      'import/commit': async () => ({ added: 1, updated: 1 }),
      'export/plain': async ({ format }) => ({ text: format === 'csv' ? 'label\r\nx\r\n' : '{}', count: 3 }),
      'export/encrypted': async ({ passphrase }) => ({ text: `sealed with ${passphrase.length}`, count: 3 }),
      ...overrides,
    }),
  };
}

function choose(label: string, file: File) {
  fireEvent.change(screen.getByLabelText(label), { target: { files: [file] } });
}

describe('profile import', () => {
  it('previews added, updated and rejected lines and sends nothing before the confirmation', async () => {
    const background = transferBackground();
    render(<OptionsApp services={background.services} />);
    choose('Import profiles file', new File([CSV], 'profiles.csv', { type: 'text/csv' }));

    const preview = await screen.findByRole('region', { name: 'Import preview: profiles.csv' }, WORKER_WAIT);
    expect(within(preview).getByText('1 will be added, 1 will be updated, 2 rejected. Nothing is saved until you confirm.')).toBeTruthy();
    expect(within(preview).getByRole('heading', { name: 'Will be added (1)' })).toBeTruthy();
    expect(within(preview).getByRole('heading', { name: 'Will be updated (1)' })).toBeTruthy();
    expect(within(preview).getByRole('heading', { name: 'Rejected (2)' })).toBeTruthy();
    expect(within(preview).getByText('Acme main')).toBeTruthy();
    expect(within(preview).getByText(`Line 3: Routing number: ${makeProblem('routing.checksum').message}`)).toBeTruthy();
    expect(within(preview).getByText(`Line 5: Account number: ${makeProblem('account.too-long', { found: 18 }).message}`)).toBeTruthy();
    expect(screen.queryByText(/Line 2:/)).toBeNull();
    // The worker read the file; the background got only the good profiles, in file order.
    expect(background.workers.requests[0]).toMatchObject({ type: 'check-profiles', fileName: 'profiles.csv' });
    const sent = background.sentOf('import/chunk').flatMap((chunk) => JSON.parse(chunk.payload.candidatesJson));
    expect(sent.map((candidate: ImportCandidate) => [candidate.line, candidate.profile.label])).toEqual([
      [2, 'Acme main'],
      [4, 'Globex'],
    ]);
    expect(background.sentOf('import/preview')[0]!.payload).toEqual({ importId: 'import-1' });
    expect(background.sentOf('import/commit')).toHaveLength(0);

    fireEvent.click(within(preview).getByRole('button', { name: 'Import 2 profiles' }));
    await screen.findByText('2 profiles imported: 1 added, 1 updated.');
    expect(background.sentOf('import/commit')).toEqual([{ type: 'import/commit', payload: { token: 'token-1' } }]);
    expect(screen.queryByRole('region', { name: /Import preview/ })).toBeNull();
  });

  it('shows the rows checked while the worker runs; Cancel stops it and the background forgets the profiles it got', async () => {
    const background = transferBackground();
    // The worker pauses once before reading the rows and once before each batch: it is held
    // before its third batch until the test lets it go on.
    let pauses = 0;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const workers = inProcessWorkers(() => (++pauses >= 4 ? held : new Promise((resolve) => setTimeout(resolve, 0))));
    render(<OptionsApp services={{ ...background.services, importWorker: workers.factory }} />);
    choose('Import profiles file', new File([profilesCsv(3_000)], 'big.csv'));

    await screen.findByText('Checking rows… 1,000 of 3,000', {}, WORKER_WAIT);
    const progress = screen.getByLabelText('Import check progress') as HTMLProgressElement;
    expect([progress.getAttribute('value'), progress.getAttribute('max')]).toEqual(['1000', '3000']);
    await waitFor(() => expect(background.sentOf('import/chunk')).toHaveLength(2));

    fireEvent.click(screen.getByRole('button', { name: 'Cancel import check' }));
    await screen.findByText('Import cancelled; nothing was saved.');
    release();
    expect(workers.counts.terminated).toBe(1);
    await waitFor(() => expect(background.sentOf('import/discard')).toEqual([{ type: 'import/discard', payload: { token: 'import-1' } }]));
    expect(background.staged.size).toBe(0);
    // The worker stopped where it was held: no more batches, no preview.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(background.sentOf('import/chunk')).toHaveLength(2);
    expect(background.sentOf('import/preview')).toHaveLength(0);
    expect(screen.queryByRole('region', { name: /Import preview/ })).toBeNull();
    expect(screen.queryByLabelText('Import check progress')).toBeNull();
  });

  it('names the first 100 lines of a long list and counts the rest', async () => {
    const background = transferBackground();
    render(<OptionsApp services={background.services} />);
    choose('Import profiles file', new File([profilesCsv(1_200, { invalidAt: (n) => n % 2 === 1 })], 'half.csv'));
    const preview = await screen.findByRole('region', { name: 'Import preview: half.csv' }, WORKER_WAIT);
    expect(within(preview).getByText('600 will be added, 0 will be updated, 600 rejected. Nothing is saved until you confirm.')).toBeTruthy();
    expect(within(preview).getByRole('heading', { name: 'Rejected (600)' })).toBeTruthy();
    expect(preview.querySelectorAll('ul.rejected li')).toHaveLength(100);
    expect(within(preview).getAllByText('…and 500 more (the first 100 are listed).')).toHaveLength(2);
    expect(within(preview).getByText(/^Line 3: Routing number: .*; Account number: .*letter “x”/)).toBeTruthy();
    expect(within(preview).getByRole('button', { name: 'Import 600 profiles' })).toBeTruthy();
  });

  it('cancel leaves everything unsaved', async () => {
    const background = transferBackground();
    render(<OptionsApp services={background.services} />);
    choose('Import profiles file', new File([CSV], 'profiles.csv'));
    const preview = await screen.findByRole('region', { name: /Import preview/ }, WORKER_WAIT);
    fireEvent.click(within(preview).getByRole('button', { name: 'Cancel' }));
    await screen.findByText('Import cancelled; nothing was saved.');
    expect(background.sentOf('import/commit')).toHaveLength(0);
    expect(background.sentOf('import/discard')).toEqual([{ type: 'import/discard', payload: { token: 'token-1' } }]);
  });

  it('offers no import button when every line is rejected', async () => {
    const background = transferBackground();
    render(<OptionsApp services={background.services} />);
    choose('Import profiles file', new File([CSV.split('\r\n').filter((_, i) => i === 0 || i === 2).join('\n')], 'bad.csv'));
    const preview = await screen.findByRole('region', { name: /Import preview/ }, WORKER_WAIT);
    expect(within(preview).queryByRole('button', { name: /^Import/ })).toBeNull();
  });

  it('shows a whole-file refusal as an error', async () => {
    const background = transferBackground();
    render(<OptionsApp services={background.services} />);
    choose('Import profiles file', new File(['label,importer_nmae\nx,y\n'], 'typo.csv'));
    await waitFor(() => expect(document.getElementById('import-error')!.textContent).toMatch(/does not know: "importer_nmae"/), WORKER_WAIT);
    expect(screen.queryByRole('region', { name: /Import preview/ })).toBeNull();
  });

  it('asks for the passphrase of an encrypted backup before previewing it', async () => {
    const background = transferBackground();
    const plain = JSON.stringify({
      format: 'ace-ach-assist-profiles',
      version: 1,
      exportedAt: '2026-01-01T00:00:00.000Z',
      profiles: [
        {
          schemaVersion: 1, label: 'Restored', importerName: 'R LLC', importerNumbers: ['12-345678900'], bankName: 'B',
          routingNumber: '011000015', accountNumber: '0001234', accountType: 'checking', accountHolderName: 'R LLC',
        },
      ],
    });
    const sealed = await encryptBackup(plain, 'backup passphrase 1', { iterations: 1_000 });
    render(<OptionsApp services={background.services} />);
    choose('Import profiles file', new File([sealed], 'ace-ach-assist-backup-2026-01-01.json'));

    const passphrase = await screen.findByLabelText('Backup passphrase', {}, WORKER_WAIT);
    expect(background.sentOf('import/preview')).toHaveLength(0);
    expect(background.sentOf('import/chunk')).toHaveLength(0);
    fireEvent.input(passphrase, { target: { value: 'not it' } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview import' }));
    await waitFor(() =>
      expect(document.getElementById('import-error')!.textContent).toBe(
        'The backup passphrase is wrong, or the file was changed after it was exported.',
      ),
      WORKER_WAIT,
    );
    // Still asking, so the user can try again.
    expect(screen.getByLabelText('Backup passphrase')).toBeTruthy();

    fireEvent.input(screen.getByLabelText('Backup passphrase'), { target: { value: 'backup passphrase 1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview import' }));
    const preview = await screen.findByRole('region', { name: /Import preview/ }, WORKER_WAIT);
    expect(within(preview).getByText('Restored')).toBeTruthy();
    // The passphrase went to the worker, never to the background.
    expect(background.workers.requests.at(-1)).toMatchObject({ type: 'check-profiles', backupPassphrase: 'backup passphrase 1' });
    expect(JSON.stringify(background.sent)).not.toContain('backup passphrase 1');
    expect(background.sentOf('import/commit')).toHaveLength(0);
  });

  it('says when the vault is locked, links to the unlock, and shows the locked error', async () => {
    const locked = 'The vault is locked. Unlock it with your passphrase first.';
    const background = transferBackground({
      'vault/status': async () => ({ state: 'locked', autoLockMinutes: 15 }),
      'import/begin': async () => {
        throw new RequestError('locked', locked);
      },
    });
    render(<OptionsApp services={background.services} />);
    const link = await screen.findByRole('link', { name: 'Unlock it in the ACE ACH Assist popup' });
    expect(link.getAttribute('href')).toBe('/popup.html');
    choose('Import profiles file', new File([CSV], 'profiles.csv'));
    await waitFor(() => expect(document.getElementById('import-error')!.textContent).toBe(locked));
    // Refused before the file was read.
    expect(background.workers.counts.started).toBe(0);
  });
});

describe('profile export', () => {
  it('encrypted backup: checks the passphrase pair, then downloads a dated file', async () => {
    const background = transferBackground();
    render(<OptionsApp services={background.services} />);
    await testPassphraseEstimator();
    fireEvent.click(screen.getByRole('button', { name: 'Export encrypted backup' }));
    fireEvent.input(screen.getByLabelText('Backup passphrase'), { target: { value: '1234567890' } });
    fireEvent.input(screen.getByLabelText('Confirm backup passphrase'), { target: { value: '1234567890' } });
    fireEvent.click(screen.getByRole('button', { name: 'Download encrypted backup' }));
    await waitFor(() => expect(document.getElementById('export-error')!.textContent).toMatch(/^This passphrase is too easy to guess\. This is a frequently used password/));
    fireEvent.input(screen.getByLabelText('Backup passphrase'), { target: { value: 'a long backup passphrase' } });
    fireEvent.input(screen.getByLabelText('Confirm backup passphrase'), { target: { value: 'a long backup passphrasf' } });
    fireEvent.click(screen.getByRole('button', { name: 'Download encrypted backup' }));
    await waitFor(() => expect(document.getElementById('export-error')!.textContent).toMatch(/do not match/));
    expect(background.sentOf('export/encrypted')).toHaveLength(0);

    fireEvent.input(screen.getByLabelText('Confirm backup passphrase'), { target: { value: 'a long backup passphrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Download encrypted backup' }));
    await screen.findByText(/^Encrypted backup of 3 profiles downloaded\./);
    expect(background.sentOf('export/encrypted')[0]!.payload).toEqual({ passphrase: 'a long backup passphrase' });
    expect(background.download).toHaveBeenCalledWith('sealed with 24', 'ace-ach-assist-backup-2026-03-01.json', 'application/json');
  });

  it('plain text: warns, and downloads only after "I understand"', async () => {
    const background = transferBackground();
    render(<OptionsApp services={background.services} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export as plain text (JSON / CSV)' }));
    expect(screen.getByText(/this file will contain every full account number in clear text/)).toBeTruthy();
    const csv = screen.getByRole('button', { name: 'Download CSV' }) as HTMLButtonElement;
    expect(csv.disabled).toBe(true);
    fireEvent.click(csv);
    expect(background.sentOf('export/plain')).toHaveLength(0);

    fireEvent.click(screen.getByLabelText('I understand'));
    await waitFor(() => expect(csv.disabled).toBe(false));
    fireEvent.click(csv);
    await screen.findByText(/^Plain-text CSV file of 3 profiles downloaded\./);
    expect(background.sentOf('export/plain')[0]!.payload).toEqual({ format: 'csv' });
    expect(background.download).toHaveBeenCalledWith('label\r\nx\r\n', 'ace-ach-assist-profiles-2026-03-01.csv', 'text/csv;charset=utf-8');

    fireEvent.click(screen.getByRole('button', { name: 'Download JSON' }));
    await waitFor(() => expect(background.download).toHaveBeenCalledTimes(2));
    expect(background.download.mock.calls[1]![1]).toBe('ace-ach-assist-profiles-2026-03-01.json');
  });
});
