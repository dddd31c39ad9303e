// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '@/components/options/OptionsApp';
import { testPassphraseEstimator } from '../../support/passphrase-estimator';
import { makeProblem } from '@/utils/bank/problems';
import { RequestError } from '@/utils/messaging/request-error';
import { decryptBackup, encryptBackup, isEncryptedBackup } from '@/utils/profile-transfer/backup-crypto';
import { parseProfileImport } from '@/utils/profile-transfer/parse-import';
import { planImport } from '@/utils/profile-transfer/plan-import';
import { fakeBackground } from './fake-background';

afterEach(cleanup);

const CSV = [
  'label,importer_name,importer_numbers,bank_name,routing_number,account_number,account_type,account_holder_name',
  'Acme main,Acme Imports LLC,12-345678900,First Bank,011000015,000123456789,checking,Acme Imports LLC',
  'Bad checksum,Beta Corp,23-456789000,Some Bank,011000016,55554444,checking,Beta Corp',
  'Globex,Globex Trading Co,98-765432100,Bank of America,026009593,4455667788,savings,Globex Trading Co',
  '"Too long, account",Gamma LLC,34-567890100,Gamma Bank,026009593,123456789012345678,01,Gamma LLC',
].join('\r\n');

/** A background whose preview uses the real readers and planner, with one saved profile "Globex". */
function transferBackground(overrides: Parameters<typeof fakeBackground>[0] = {}) {
  const previews: string[] = [];
  return {
    previews,
    ...fakeBackground({
      'import/preview': async ({ format, text, backupPassphrase }) => {
        let plain = text;
        if (isEncryptedBackup(text)) {
          if (backupPassphrase === undefined) throw new RequestError('invalid-import', 'Needs a passphrase.');
          plain = await decryptBackup(text, backupPassphrase).catch(() => {
            throw new RequestError('wrong-passphrase', 'The backup passphrase is wrong.');
          });
        }
        const parsed = parseProfileImport(plain, isEncryptedBackup(text) ? 'json' : format);
        if (!parsed.ok) throw new RequestError('invalid-import', parsed.reason);
        const plan = planImport(parsed.candidates, [{ id: 'g1', label: 'globex', importerNumbers: [] }]);
        previews.push(text);
        return {
          token: 'token-1',
          add: plan.add.map(({ line, profile }) => ({ line, label: profile.label, importerNumbers: profile.importerNumbers })),
          update: plan.update.map(({ line, id, profile }) => ({ line, id, label: profile.label, importerNumbers: profile.importerNumbers })),
          reject: parsed.rejected,
        };
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

    const preview = await screen.findByRole('region', { name: 'Import preview: profiles.csv' });
    expect(within(preview).getByText('1 will be added, 1 will be updated, 2 rejected. Nothing is saved until you confirm.')).toBeTruthy();
    expect(within(preview).getByRole('heading', { name: 'Will be added (1)' })).toBeTruthy();
    expect(within(preview).getByRole('heading', { name: 'Will be updated (1)' })).toBeTruthy();
    expect(within(preview).getByRole('heading', { name: 'Rejected (2)' })).toBeTruthy();
    expect(within(preview).getByText('Acme main')).toBeTruthy();
    expect(within(preview).getByText(`Line 3: Routing number: ${makeProblem('routing.checksum').message}`)).toBeTruthy();
    expect(within(preview).getByText(`Line 5: Account number: ${makeProblem('account.too-long', { found: 18 }).message}`)).toBeTruthy();
    expect(screen.queryByText(/Line 2:/)).toBeNull();
    expect(background.sentOf('import/preview')[0]!.payload).toEqual({ format: 'csv', text: CSV });
    expect(background.sentOf('import/commit')).toHaveLength(0);

    fireEvent.click(within(preview).getByRole('button', { name: 'Import 2 profiles' }));
    await screen.findByText('2 profiles imported: 1 added, 1 updated.');
    expect(background.sentOf('import/commit')).toEqual([{ type: 'import/commit', payload: { token: 'token-1' } }]);
    expect(screen.queryByRole('region', { name: /Import preview/ })).toBeNull();
  });

  it('cancel leaves everything unsaved', async () => {
    const background = transferBackground();
    render(<OptionsApp services={background.services} />);
    choose('Import profiles file', new File([CSV], 'profiles.csv'));
    const preview = await screen.findByRole('region', { name: /Import preview/ });
    fireEvent.click(within(preview).getByRole('button', { name: 'Cancel' }));
    await screen.findByText('Import cancelled; nothing was saved.');
    expect(background.sentOf('import/commit')).toHaveLength(0);
  });

  it('offers no import button when every line is rejected', async () => {
    const background = transferBackground();
    render(<OptionsApp services={background.services} />);
    choose('Import profiles file', new File([CSV.split('\r\n').filter((_, i) => i === 0 || i === 2).join('\n')], 'bad.csv'));
    const preview = await screen.findByRole('region', { name: /Import preview/ });
    expect(within(preview).queryByRole('button', { name: /^Import/ })).toBeNull();
  });

  it('shows a whole-file refusal as an error', async () => {
    const background = transferBackground();
    render(<OptionsApp services={background.services} />);
    choose('Import profiles file', new File(['label,importer_nmae\nx,y\n'], 'typo.csv'));
    await waitFor(() => expect(document.getElementById('import-error')!.textContent).toMatch(/does not know: "importer_nmae"/));
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

    const passphrase = await screen.findByLabelText('Backup passphrase');
    expect(background.sentOf('import/preview')).toHaveLength(0);
    fireEvent.input(passphrase, { target: { value: 'not it' } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview import' }));
    await waitFor(() => expect(document.getElementById('import-error')!.textContent).toBe('The backup passphrase is wrong.'));

    fireEvent.input(screen.getByLabelText('Backup passphrase'), { target: { value: 'backup passphrase 1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview import' }));
    const preview = await screen.findByRole('region', { name: /Import preview/ });
    expect(within(preview).getByText('Restored')).toBeTruthy();
    expect(background.sentOf('import/preview').at(-1)!.payload).toEqual({ format: 'json', text: sealed, backupPassphrase: 'backup passphrase 1' });
    expect(background.sentOf('import/commit')).toHaveLength(0);
  });

  it('says when the vault is locked, links to the unlock, and shows the locked error', async () => {
    const locked = 'The vault is locked. Unlock it with your passphrase first.';
    const background = transferBackground({
      'vault/status': async () => ({ state: 'locked', autoLockMinutes: 15 }),
      'import/preview': async () => {
        throw new RequestError('locked', locked);
      },
    });
    render(<OptionsApp services={background.services} />);
    const link = await screen.findByRole('link', { name: 'Unlock it in the ACE ACH Assist popup' });
    expect(link.getAttribute('href')).toBe('/popup.html');
    choose('Import profiles file', new File([CSV], 'profiles.csv'));
    await waitFor(() => expect(document.getElementById('import-error')!.textContent).toBe(locked));
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
