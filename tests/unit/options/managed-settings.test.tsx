// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '@/components/options/OptionsApp';
import type { ManagedPolicy, Settings } from '@/utils/messaging/shapes';
import { testPassphraseEstimator } from '../../support/passphrase-estimator';
import { fakeBackground } from './fake-background';

afterEach(cleanup);

/** A background whose settings are what the organization set, and which says what it manages. */
function managedBackground(policy: ManagedPolicy, settings: Settings) {
  const background = fakeBackground({
    'settings/managed': async () => policy,
    'settings/get': async () => settings,
    'settings/set': async () => settings,
  });
  render(<OptionsApp services={background.services} />);
  return background;
}

const note = (id: string) => document.getElementById(id)?.textContent;

describe('options with managed settings', () => {
  it('shows each managed setting disabled, with "Set by your organization"', async () => {
    managedBackground(
      { autoLockMinutes: 5, forceSubmitGuard: true, extraHosts: ['train.cbp.gov'], allowExport: false, minPassphraseScore: 4 },
      { autoLockMinutes: 5, submitGuard: true, extraHosts: ['train.cbp.gov'], reverifyDays: 180 },
    );
    const minutes = screen.getByLabelText('Lock after minutes of inactivity') as HTMLInputElement;
    await waitFor(() => expect(minutes.value).toBe('5'));
    await waitFor(() => expect(note('export-managed')).toBeTruthy());
    expect(minutes.disabled).toBe(true);
    expect(minutes.getAttribute('aria-describedby')).toBe('auto-lock-managed');
    expect(note('auto-lock-managed')).toBe('Set by your organization.');
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);

    const guard = screen.getByLabelText('Ask before saving a form with problems') as HTMLInputElement;
    expect(guard.checked).toBe(true);
    expect(guard.disabled).toBe(true);
    expect(note('submit-guard-managed')).toBe('Set by your organization: always on.');

    const hosts = screen.getByRole('region', { name: 'ACE hosts' });
    expect(within(hosts).getByText(/https:\/\/train\.cbp\.gov/)).toBeTruthy();
    expect(within(hosts).queryByRole('button', { name: /^Remove/ })).toBeNull();
    expect((screen.getByLabelText('Extra ACE host') as HTMLInputElement).disabled).toBe(true);
    expect((within(hosts).getByRole('button', { name: 'Add host' }) as HTMLButtonElement).disabled).toBe(true);
    expect(note('extra-hosts-managed')).toBe('Set by your organization: the extra hosts cannot be changed here.');

    for (const name of ['Export encrypted backup', 'Export as plain text (JSON / CSV)']) {
      expect((screen.getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true);
    }
    expect(note('export-managed')).toBe('Set by your organization: exporting profiles is turned off.');
    expect(note('next-passphrase-managed')).toContain('Set by your organization');
  });

  it('leaves everything changeable when nothing is managed', async () => {
    render(<OptionsApp services={fakeBackground().services} />);
    const minutes = screen.getByLabelText('Lock after minutes of inactivity') as HTMLInputElement;
    await waitFor(() => expect(minutes.value).toBe('15'));
    expect(minutes.disabled).toBe(false);
    expect((screen.getByLabelText('Ask before saving a form with problems') as HTMLInputElement).disabled).toBe(false);
    expect((screen.getByRole('button', { name: 'Export encrypted backup' }) as HTMLButtonElement).disabled).toBe(false);
    expect(document.querySelector('.managed-note')).toBeNull();
  });

  it('names a managed maximum beside the auto-lock, which stays changeable', async () => {
    managedBackground({ maxAutoLockMinutes: 30 }, { autoLockMinutes: 15, submitGuard: true, extraHosts: [], reverifyDays: 180 });
    const minutes = screen.getByLabelText('Lock after minutes of inactivity') as HTMLInputElement;
    await waitFor(() => expect(note('auto-lock-max')).toBe('Set by your organization: at most 30 minutes.'));
    expect(minutes.disabled).toBe(false);
    expect(minutes.max).toBe('30');
  });

  it("asks the browser for a managed host's access inside the click and saves the same list", async () => {
    const background = managedBackground({ extraHosts: ['train.cbp.gov'] }, { autoLockMinutes: 15, submitGuard: true, extraHosts: ['train.cbp.gov'], reverifyDays: 180 });
    fireEvent.click(await screen.findByRole('button', { name: 'Allow access to train.cbp.gov' }));
    expect(background.permissions.request).toHaveBeenCalledWith(['https://train.cbp.gov/*']);
    await screen.findByText(/^Access to train\.cbp\.gov allowed\./);
    expect(background.sentOf('settings/set').map((request) => request.payload)).toEqual([{ extraHosts: ['train.cbp.gov'] }]);
  });

  it("checks a new passphrase against the organization's minimum before sending it", async () => {
    const background = managedBackground({ minPassphraseScore: 4 }, { autoLockMinutes: 15, submitGuard: true, extraHosts: [], reverifyDays: 180 });
    await testPassphraseEstimator();
    await waitFor(() => expect(note('next-passphrase-managed')).toBeTruthy());
    fireEvent.input(screen.getByLabelText('Current passphrase'), { target: { value: 'old passphrase' } });
    fireEvent.input(screen.getByLabelText('New passphrase'), { target: { value: 'orange tulip chess' } });
    fireEvent.input(screen.getByLabelText('Confirm new passphrase'), { target: { value: 'orange tulip chess' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    await screen.findByText(/^Your organization requires a very hard to guess passphrase\./);
    expect(background.sentOf('vault/change-passphrase')).toHaveLength(0);
  });
});
