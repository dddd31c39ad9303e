// @vitest-environment happy-dom
/**
 * The unlocked popup's list against a fake background: rows and their accessible names, search,
 * paging through thousands of profiles, the quarantine warning, Reveal and its automatic re-mask,
 * Lock and Options.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '@/components/popup/PopupApp';
import type { FakeBackground } from './fake-background';
import { ACME, GLOBEX, SOCIETE, manySummaries } from './profile-fixtures';
import { renderPopup } from './render-popup';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

// By class rather than by role: role queries over thousands of nodes are slow in happy-dom.
const rows = () => Array.from(document.querySelectorAll<HTMLButtonElement>('button.profile-open'));
const rowNames = () => rows().map((button) => button.textContent);

describe('profile list', () => {
  it('shows each profile as a button named by its label, with importer number, bank, masked account and verification', async () => {
    const { background } = renderPopup({ profiles: [GLOBEX, ACME] });
    await screen.findByRole('heading', { name: 'Bank profiles' });
    background.setVerification('id-2', { at: '2026-11-20T09:30:00.000Z', result: 'match' });
    background.setVerification('id-1', { at: '2026-11-21T09:30:00.000Z', result: 'mismatch' });
    cleanup();
    renderPopupWith(background);
    const acme = await screen.findByRole('button', { name: /^Acme main/ });
    expect(acme.textContent).toBe('Acme main 12-345678900 · JPMorgan Chase Bank Account •••• 6789 Verified on file 2026-11-20');
    const globex = screen.getByRole('button', { name: /^Globex refunds/ });
    expect(globex.textContent).toContain("Differs from CBP's file (2026-11-21)");
    expect(globex.textContent).toContain('98-765432100, 98-7654321A1');
    expect(rowNames()[0]).toMatch(/^Acme main/);
    expect(document.body.textContent).not.toContain('000123456789');
    expect(screen.getByText('2 profiles.')).toBeTruthy();
  });

  it('filters as the user types, by bank name, importer number without hyphens, and last digits', async () => {
    renderPopup({ profiles: [ACME, GLOBEX, SOCIETE] });
    const search = await screen.findByLabelText('Search profiles');
    await screen.findByRole('button', { name: /^Acme main/ });
    fireEvent.input(search, { target: { value: 'bank of america' } });
    expect(rowNames()).toEqual([expect.stringMatching(/^Globex refunds/)]);
    fireEvent.input(search, { target: { value: '98765432100' } });
    expect(rowNames()).toEqual([expect.stringMatching(/^Globex refunds/)]);
    fireEvent.input(search, { target: { value: '6789' } });
    expect(rowNames()).toEqual([expect.stringMatching(/^Acme main/), expect.stringMatching(/^Société/)]);
    expect(screen.getByText('2 of 3 profiles match.')).toBeTruthy();
    fireEvent.input(search, { target: { value: 'zzz' } });
    expect(rowNames()).toEqual([]);
    expect(screen.getByText('No profile matches “zzz”.')).toBeTruthy();
  });

  it('renders at most 50 rows of 5,000 and shows more on request, moving focus to the first new row', async () => {
    renderPopup({ summaries: manySummaries(5_000) });
    await screen.findByText('5,000 profiles; showing the first 50.', {}, { timeout: 5_000 });
    expect(rowNames()).toHaveLength(50);
    expect(rowNames()[0]).toMatch(/^Acme 0 /);
    fireEvent.click(screen.getByText('Show 50 more (4,950 not shown)'));
    expect(rowNames()).toHaveLength(100);
    expect(document.activeElement).toBe(rows()[50]);

    fireEvent.input(screen.getByLabelText('Search profiles'), { target: { value: 'stark' } });
    expect(rowNames()).toHaveLength(50);
    expect(rowNames().every((name) => name?.startsWith('Stark'))).toBe(true);
    expect(screen.getByText(/^417 of 5,000 profiles match; showing the first 50\.$/)).toBeTruthy();
  }, 20_000);

  it('warns about records set aside as unreadable', async () => {
    renderPopup({ profiles: [ACME], quarantined: 3 });
    expect(await screen.findByText('3 saved records could not be read and were set aside; see Options.')).toBeTruthy();
  });

  it('opens the options page from Options and from Import / export', async () => {
    const { opened } = renderPopup({ profiles: [ACME] });
    await screen.findByRole('heading', { name: 'Bank profiles' });
    fireEvent.click(screen.getByRole('button', { name: 'Options' }));
    fireEvent.click(screen.getByRole('link', { name: 'Import / export' }));
    expect(opened).toEqual(['options', 'options']);
  });

  it('locks and shows the unlock form', async () => {
    const { background } = renderPopup({ profiles: [ACME] });
    await screen.findByRole('heading', { name: 'Bank profiles' });
    fireEvent.click(screen.getByRole('button', { name: 'Lock' }));
    expect(await screen.findByRole('heading', { name: 'Unlock' })).toBeTruthy();
    expect(background.state).toBe('locked');
    expect(screen.queryByText(/Acme main/)).toBeNull();
  });

  it('goes to the unlock form when the vault locked itself meanwhile', async () => {
    const { background } = renderPopup({ profiles: [ACME] });
    await screen.findByRole('button', { name: /^Acme main/ });
    background.lock();
    fireEvent.click(screen.getByRole('button', { name: /^Acme main/ }));
    expect(await screen.findByRole('heading', { name: 'Unlock' })).toBeTruthy();
    expect(screen.getByText('The vault is locked. Unlock it with your passphrase first.')).toBeTruthy();
  });
});

describe('Reveal', () => {
  it('shows the full number, then masks it again by itself after 10 seconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { background } = renderPopup({ profiles: [ACME, GLOBEX] });
    const reveal = await screen.findByRole('button', { name: 'Reveal account number for Acme main' });
    expect(reveal.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(reveal);
    await waitFor(() => expect(screen.getByText('000123456789')).toBeTruthy());
    expect(reveal.getAttribute('aria-pressed')).toBe('true');
    expect(background.requests.at(-1)).toEqual({ type: 'profiles/get', payload: { id: 'id-1' } });
    const row = screen.getByRole('button', { name: /^Acme main/ });
    expect(within(row).queryByText('•••• 6789')).toBeNull();

    await vi.advanceTimersByTimeAsync(9_000);
    expect(screen.getByText('000123456789')).toBeTruthy();
    await vi.advanceTimersByTimeAsync(1_100);
    await waitFor(() => expect(screen.queryByText('000123456789')).toBeNull());
    expect(within(row).getByText('•••• 6789')).toBeTruthy();
    expect(reveal.getAttribute('aria-pressed')).toBe('false');
  });

  it('masks again when the popup loses focus, and on a second press', async () => {
    renderPopup({ profiles: [ACME, GLOBEX] });
    const reveal = await screen.findByRole('button', { name: 'Reveal account number for Globex refunds' });
    fireEvent.click(reveal);
    await screen.findByText('4455667788');
    window.dispatchEvent(new Event('blur'));
    await waitFor(() => expect(screen.queryByText('4455667788')).toBeNull());

    fireEvent.click(reveal);
    await screen.findByText('4455667788');
    fireEvent.click(reveal);
    await waitFor(() => expect(screen.queryByText('4455667788')).toBeNull());
  });

  it('shows one number at a time', async () => {
    renderPopup({ profiles: [ACME, GLOBEX] });
    fireEvent.click(await screen.findByRole('button', { name: 'Reveal account number for Acme main' }));
    await screen.findByText('000123456789');
    fireEvent.click(screen.getByRole('button', { name: 'Reveal account number for Globex refunds' }));
    await screen.findByText('4455667788');
    expect(screen.queryByText('000123456789')).toBeNull();
  });
});

function renderPopupWith(background: FakeBackground) {
  return render(<PopupApp services={{ transport: background.transport, openOptions: () => {} }} />);
}
