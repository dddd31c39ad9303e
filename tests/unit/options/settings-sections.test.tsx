// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '@/components/options/OptionsApp';
import { testPassphraseEstimator } from '../../support/passphrase-estimator';
import { checkExtraHostEntry } from '@/components/options/extra-host-entry';
import { RequestError } from '@/utils/messaging/request-error';
import { fakeBackground } from './fake-background';

afterEach(cleanup);

async function renderLoaded(background = fakeBackground()) {
  render(<OptionsApp services={background.services} />);
  await waitFor(() => expect((screen.getByLabelText('Lock after minutes of inactivity') as HTMLInputElement).value).toBe('15'));
  return background;
}

describe('extra host entry check', () => {
  it('accepts CBP hosts, also pasted as URLs, and words every refusal', () => {
    expect(checkExtraHostEntry(' ACE-Test.cbp.gov ', [])).toEqual({ ok: true, host: 'ace-test.cbp.gov' });
    expect(checkExtraHostEntry('https://ace-test.cbp.dhs.gov/s/home', [])).toEqual({ ok: true, host: 'ace-test.cbp.dhs.gov' });
    for (const bad of ['example.com', 'cbp.gov', 'evil-cbp.gov', 'ace.cbp.gov.evil.com', 'ace test.cbp.gov', '*.cbp.gov', 'http://']) {
      expect(checkExtraHostEntry(bad, [])).toEqual({ ok: false, message: expect.stringMatching(/ending in \.cbp\.gov or \.cbp\.dhs\.gov/) });
    }
    expect(checkExtraHostEntry('', [])).toEqual({ ok: false, message: 'Enter a host name, such as ace-test.cbp.gov.' });
    expect(checkExtraHostEntry('ace.cbp.gov', [])).toEqual({ ok: false, message: 'ace.cbp.gov is built in; it needs no adding.' });
    expect(checkExtraHostEntry('ace-test.cbp.gov', ['ace-test.cbp.gov'])).toEqual({ ok: false, message: 'ace-test.cbp.gov is already in the list.' });
  });
});

describe('ACE hosts section', () => {
  it('lists the built-in hosts', async () => {
    await renderLoaded();
    const section = screen.getByRole('region', { name: 'ACE hosts' });
    expect(within(section).getByText(/https:\/\/ace\.cbp\.gov/)).toBeTruthy();
    expect(within(section).getByText(/https:\/\/ace\.cbp\.dhs\.gov/)).toBeTruthy();
  });

  it('refuses a host outside CBP without asking the browser', async () => {
    const background = await renderLoaded();
    fireEvent.input(screen.getByLabelText('Extra ACE host'), { target: { value: 'ace-test.example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add host' }));
    await screen.findByText(/Enter a host name ending in \.cbp\.gov or \.cbp\.dhs\.gov/);
    expect(screen.getByLabelText('Extra ACE host').getAttribute('aria-invalid')).toBe('true');
    expect(background.permissions.request).not.toHaveBeenCalled();
    expect(background.sentOf('settings/set')).toHaveLength(0);
  });

  it('asks for the permission inside the click, then saves the host', async () => {
    const background = await renderLoaded();
    fireEvent.input(screen.getByLabelText('Extra ACE host'), { target: { value: 'ace-test.cbp.gov' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add host' }));
    // Called synchronously by the submit handler, before anything was awaited.
    expect(background.permissions.request).toHaveBeenCalledWith(['https://ace-test.cbp.gov/*']);
    await screen.findByText(/^Added ace-test\.cbp\.gov\./);
    expect(background.sentOf('settings/set').map((request) => request.payload)).toEqual([{ extraHosts: ['ace-test.cbp.gov'] }]);
    expect(screen.getByRole('button', { name: 'Remove ace-test.cbp.gov' })).toBeTruthy();
  });

  it('adds nothing when the browser refuses the permission', async () => {
    const background = await renderLoaded();
    background.permissions.request.mockResolvedValueOnce(false);
    fireEvent.input(screen.getByLabelText('Extra ACE host'), { target: { value: 'ace-test.cbp.gov' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add host' }));
    await screen.findByText('The browser did not grant access to ace-test.cbp.gov, so it was not added.');
    expect(background.sentOf('settings/set')).toHaveLength(0);
  });

  it('removes a host from the settings and drops its permission', async () => {
    const background = fakeBackground();
    await background.services.transport({ type: 'settings/set', payload: { extraHosts: ['ace-test.cbp.gov'] } });
    await renderLoaded(background);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove ace-test.cbp.gov' }));
    await screen.findByText('Removed ace-test.cbp.gov.');
    expect(background.settings().extraHosts).toEqual([]);
    expect(background.permissions.remove).toHaveBeenCalledWith(['https://ace-test.cbp.gov/*']);
  });
});

describe('Security section', () => {
  it('saves the auto-lock minutes, refusing values outside 1–1440', async () => {
    const background = await renderLoaded();
    const minutes = screen.getByLabelText('Lock after minutes of inactivity');
    for (const bad of ['0', '1441', '2.5', '']) {
      fireEvent.input(minutes, { target: { value: bad } });
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
      await screen.findByText('Enter a whole number of minutes from 1 to 1440 (24 hours).');
    }
    expect(background.sentOf('settings/set')).toHaveLength(0);
    fireEvent.input(minutes, { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved: the vault locks after 30 minutes of inactivity.');
    expect(background.sentOf('settings/set')[0]!.payload).toEqual({ autoLockMinutes: 30 });
  });

  it('switches the submit guard', async () => {
    const background = await renderLoaded();
    const guard = screen.getByLabelText('Ask before saving a form with problems') as HTMLInputElement;
    expect(guard.checked).toBe(true);
    fireEvent.click(guard);
    await screen.findByText(/no longer asks/);
    expect(background.settings().submitGuard).toBe(false);
  });

  it('changes the passphrase after checking the new one, and shows a wrong current one', async () => {
    const background = await renderLoaded(
      fakeBackground({
        'vault/change-passphrase': async ({ current }) => {
          if (current !== 'old passphrase') throw new RequestError('wrong-passphrase', 'That passphrase is not right.');
          return { done: true };
        },
      }),
    );
    const fill = (current: string, next: string, confirm: string) => {
      fireEvent.input(screen.getByLabelText('Current passphrase'), { target: { value: current } });
      fireEvent.input(screen.getByLabelText('New passphrase'), { target: { value: next } });
      fireEvent.input(screen.getByLabelText('Confirm new passphrase'), { target: { value: confirm } });
      fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    };
    await testPassphraseEstimator();
    fill('old passphrase', 'short', 'short');
    await screen.findByText('The passphrase needs at least 10 characters; this one has 5.');
    fill('old passphrase', 'aaaaaaaaaa', 'aaaaaaaaaa');
    await screen.findByText(
      'This passphrase is too easy to guess. Repeated characters like "aaa" are easy to guess; add more words that are less common; avoid repeated words and characters.',
    );
    fill('old passphrase', '1234567890', '1234567890');
    await screen.findByText('This passphrase is too easy to guess. This is a frequently used password; add more words that are less common.');
    fill('old passphrase', 'a new long passphrase', 'a new long passphrasE');
    await screen.findByText(/do not match/);
    expect(background.sentOf('vault/change-passphrase')).toHaveLength(0);

    fill('wrong one', 'a new long passphrase', 'a new long passphrase');
    await screen.findByText('That passphrase is not right.');
    fill('old passphrase', 'a new long passphrase', 'a new long passphrase');
    await screen.findByText('Passphrase changed. Use the new one from now on.');
    expect(background.sentOf('vault/change-passphrase').at(-1)!.payload).toEqual({ current: 'old passphrase', next: 'a new long passphrase' });
    expect((screen.getByLabelText('Current passphrase') as HTMLInputElement).value).toBe('');
  });
});

describe('Activity log section', () => {
  const entries = [
    { at: '2026-03-01T08:00:00.000Z', action: 'profile-create', profileLabel: 'Acme', importerNumber: '12-345678900' },
    { at: '2026-03-01T10:00:00.000Z', action: 'fill', profileLabel: '=Beta', importerNumber: '98-765432100', page: 'https://ace.cbp.gov/s/acct' },
    { at: '2026-02-28T10:00:00.000Z', action: 'vault-unlock' },
  ];

  it('lists entries newest first and exports them as CSV', async () => {
    const background = fakeBackground({ 'activity/list': async () => ({ entries }) });
    render(<OptionsApp services={background.services} />);
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[1]!.textContent)).toEqual(['fill', 'Profile created', 'Vault unlocked']);
    expect(within(rows[0]!).getByText('https://ace.cbp.gov/s/acct')).toBeTruthy();
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Time', 'Action', 'Profile label', 'Importer number', 'Page',
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Export activity log (CSV)' }));
    const [text, fileName, mime] = background.download.mock.calls[0]!;
    expect(fileName).toBe('ace-ach-assist-activity-2026-03-01.csv');
    expect(mime).toBe('text/csv;charset=utf-8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('\ufefftime,action,profile_label,importer_number,page,detail');
    expect(lines[1]).toBe("2026-03-01T10:00:00.000Z,fill,'=Beta,98-765432100,https://ace.cbp.gov/s/acct,");
  });
});

describe('the whole page', () => {
  it('has a labelled control for everything and a heading per section', async () => {
    await renderLoaded();
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual([
      'Security', 'FedACH directory', 'Profiles: import and export', 'Enrollment status', 'ACE hosts', 'Activity log', 'Erase all data',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Export encrypted backup' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export as plain text (JSON / CSV)' }));
    for (const control of document.querySelectorAll('input, select, textarea, progress')) {
      const id = control.getAttribute('id');
      const label = id ? document.querySelector(`label[for="${id}"]`) : null;
      expect(label?.textContent?.trim() || control.getAttribute('aria-label'), control.outerHTML).toBeTruthy();
    }
    for (const section of document.querySelectorAll('section')) expect(section.querySelector('h2')).toBeTruthy();
  });
});
