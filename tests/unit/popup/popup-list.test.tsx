// @vitest-environment happy-dom
/**
 * The unlocked popup's list against a fake background: rows and their accessible names, search
 * (asked of the background per keystroke, stale answers ignored), paging through thousands of
 * profiles 50 at a time, the quarantine warning, Reveal and its automatic re-mask, Lock and
 * Options.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '@/components/popup/PopupApp';
import { FIRST_PAINT_ROWS } from '@/components/popup/use-first-paint-rows';
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

  it('filters as the user types, by label, importer name, bank name, importer number without hyphens, and last digits', async () => {
    const { background } = renderPopup({ profiles: [ACME, GLOBEX, SOCIETE] });
    const search = await screen.findByLabelText('Search profiles');
    await screen.findByRole('button', { name: /^Acme main/ });
    const typed = async (query: string, expected: RegExp[]) => {
      fireEvent.input(search, { target: { value: query } });
      await waitFor(() => expect(rowNames()).toEqual(expected.map((name) => expect.stringMatching(name))));
    };
    await typed('bank of america', [/^Globex refunds/]);
    await typed('globex ref', [/^Globex refunds/]);
    await typed('trading co', [/^Globex refunds/]);
    await typed('98765432100', [/^Globex refunds/]);
    await typed('6789', [/^Acme main/, /^Société/]);
    expect(screen.getByText('2 of 3 profiles match.')).toBeTruthy();
    await typed('zzz', []);
    expect(screen.getByText('No profile matches “zzz”.')).toBeTruthy();
    await typed('', [/^Acme main/, /^Globex refunds/, /^Société/]);
    expect(screen.getByText('3 profiles.')).toBeTruthy();
    // The background searches: each keystroke asks for one page of the query as typed.
    const lists = background.requests.filter((request) => request.type === 'profiles/list').map((request) => request.payload);
    expect(lists).toEqual(
      ['', 'bank of america', 'globex ref', 'trading co', '98765432100', '6789', 'zzz', ''].map((query) => ({ query, offset: 0, limit: 50 })),
    );
  });

  it('shows the answer to the latest keystroke even when an earlier one answers last', async () => {
    let answerGlo = () => {};
    const gloHeld = new Promise<void>((resolve) => (answerGlo = resolve));
    const { background } = renderPopup({
      profiles: [ACME, GLOBEX, SOCIETE],
      holdFor: (request) => ((request.payload as { query?: string } | undefined)?.query === 'glo' ? gloHeld : undefined),
    });
    const search = await screen.findByLabelText('Search profiles');
    await screen.findByRole('button', { name: /^Acme main/ });
    fireEvent.input(search, { target: { value: 'glo' } });
    fireEvent.input(search, { target: { value: 'wells' } });
    await waitFor(() => expect(rowNames()).toEqual([expect.stringMatching(/^Société/)]));
    expect(document.getElementById('profile-results')?.getAttribute('aria-busy')).toBe('false');
    // The held answer for "glo" arrives now, last, and must change nothing.
    expect(background.answered.filter((type) => type === 'profiles/list')).toHaveLength(2);
    answerGlo();
    await waitFor(() => expect(background.answered.filter((type) => type === 'profiles/list')).toHaveLength(3));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(background.requests.filter((request) => request.type === 'profiles/list')).toHaveLength(3);
    expect(rowNames()).toEqual([expect.stringMatching(/^Société/)]);
    expect(screen.getByText('1 of 3 profiles matches.')).toBeTruthy();
  });

  it('marks the list busy while a search is on its way', async () => {
    renderPopup({ profiles: [ACME, GLOBEX], delayFor: (request) => ((request.payload as { query?: string })?.query === 'acme' ? 50 : 0) });
    const search = await screen.findByLabelText('Search profiles');
    await screen.findByRole('button', { name: /^Globex refunds/ });
    const list = document.getElementById('profile-results')!;
    expect(list.getAttribute('aria-busy')).toBe('false');
    fireEvent.input(search, { target: { value: 'acme' } });
    await waitFor(() => expect(list.getAttribute('aria-busy')).toBe('true'));
    // The previous rows stay until the answer comes.
    expect(rowNames()).toHaveLength(2);
    await waitFor(() => expect(list.getAttribute('aria-busy')).toBe('false'));
    expect(rowNames()).toEqual([expect.stringMatching(/^Acme main/)]);
  });

  it('receives 50 rows of 5,000 at a time and shows more on request, moving focus to the first new row', async () => {
    const { background } = renderPopup({ summaries: manySummaries(5_000) });
    await screen.findByText('5,000 profiles; showing the first 50.', {}, { timeout: 5_000 });
    // The first rows paint at once, the rest of the page a frame later.
    expect(rowNames().length).toBe(FIRST_PAINT_ROWS);
    await waitFor(() => expect(rowNames()).toHaveLength(50));
    expect(rowNames()[0]).toMatch(/^Acme 0 /);
    fireEvent.click(screen.getByText('Show 50 more (4,950 not shown)'));
    await waitFor(() => expect(rowNames()).toHaveLength(100));
    expect(document.activeElement).toBe(rows()[50]);
    expect(screen.getByText('5,000 profiles; showing the first 100.')).toBeTruthy();
    expect(new Set(rows().map((row) => row.dataset.profileId)).size).toBe(100);

    fireEvent.input(screen.getByLabelText('Search profiles'), { target: { value: 'stark' } });
    await screen.findByText(/^417 of 5,000 profiles match; showing the first 50\.$/);
    expect(rowNames()).toHaveLength(50);
    expect(rowNames().every((name) => name?.startsWith('Stark'))).toBe(true);
    fireEvent.click(screen.getByText('Show 50 more (367 not shown)'));
    await screen.findByText(/^417 of 5,000 profiles match; showing the first 100\.$/);
    expect(rowNames().every((name) => name?.startsWith('Stark'))).toBe(true);

    const lists = background.requests.filter((request) => request.type === 'profiles/list').map((request) => request.payload);
    expect(lists).toEqual([
      { query: '', offset: 0, limit: 50 },
      { query: '', offset: 50, limit: 50 },
      { query: 'stark', offset: 0, limit: 50 },
      { query: 'stark', offset: 50, limit: 50 },
    ]);
  }, 20_000);

  it('shows the last page without a Show more button', async () => {
    renderPopup({ summaries: manySummaries(120) });
    await screen.findByText('120 profiles; showing the first 50.');
    fireEvent.click(screen.getByText('Show 50 more (70 not shown)'));
    await screen.findByText('120 profiles; showing the first 100.');
    fireEvent.click(screen.getByText('Show 20 more (20 not shown)'));
    await screen.findByText('120 profiles.');
    await waitFor(() => expect(rowNames()).toHaveLength(120));
    expect(screen.queryByText(/^Show \d+ more/)).toBeNull();
  });

  it('asks for the first page together with the vault status, once', async () => {
    const { background } = renderPopup({ profiles: [ACME, GLOBEX] });
    await screen.findByRole('button', { name: /^Globex refunds/ });
    // Both asked before either answer came: the list did not wait for the status.
    expect(background.typesRequested().slice(0, 2)).toEqual(['profiles/list', 'vault/status']);
    expect(background.typesRequested().filter((type) => type === 'profiles/list')).toHaveLength(1);
  });

  it('shows the list on the first page alone, without waiting for a slow status answer', async () => {
    let answerStatus = () => {};
    const statusHeld = new Promise<void>((resolve) => (answerStatus = resolve));
    const { background } = renderPopup({ profiles: [ACME], holdFor: (request) => (request.type === 'vault/status' ? statusHeld : undefined) });
    // Found while the status is still held back.
    await screen.findByRole('button', { name: /^Acme main/ });
    expect(background.answered).not.toContain('vault/status');
    // The status, when it comes, changes nothing.
    answerStatus();
    await waitFor(() => expect(background.answered).toContain('vault/status'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByRole('button', { name: /^Acme main/ })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Search profiles'));
  });

  it('says it is loading only when the background is slow to answer', async () => {
    renderPopup({ profiles: [ACME], delayMs: 600 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(await screen.findByText('Loading…', {}, { timeout: 1_000 })).toBeTruthy();
    expect(await screen.findByRole('button', { name: /^Acme main/ }, { timeout: 2_000 })).toBeTruthy();
    expect(screen.queryByText('Loading…')).toBeNull();
  });

  it('asks for the list again once a locked vault is unlocked', async () => {
    const { background } = renderPopup({ profiles: [ACME], state: 'locked', passphrase: 'correct horse battery staple' });
    fireEvent.input(await screen.findByLabelText('Passphrase'), { target: { value: 'correct horse battery staple' } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('button', { name: /^Acme main/ })).toBeTruthy();
    expect(background.typesRequested().filter((type) => type === 'profiles/list')).toHaveLength(2);
  });

  it('gives focus back to the row of a profile below the rows painted first, once it is there', async () => {
    const items = Array.from({ length: 20 }, (_, i) => ({ ...ACME, label: `Item ${String(i + 1).padStart(2, '0')}` }));
    renderPopup({ profiles: items });
    await waitFor(() => expect(rowNames()).toHaveLength(20));
    fireEvent.click(screen.getByRole('button', { name: /^Item 18/ }));
    await screen.findByRole('heading', { name: 'Edit profile' });
    await waitFor(() => expect((screen.getByLabelText('Label') as HTMLInputElement).value).toBe('Item 18'));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await screen.findByRole('heading', { name: 'Bank profiles' });
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/^Item 18 /));
  });

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

  it('opens the enrollment status page from its link', async () => {
    const { opened } = renderPopup({ profiles: [ACME] });
    await screen.findByRole('heading', { name: 'Bank profiles' });
    const link = screen.getByRole('link', { name: 'Enrollment status' });
    expect(link.getAttribute('href')).toBe('/status.html');
    fireEvent.click(link);
    expect(opened).toEqual(['status']);
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
