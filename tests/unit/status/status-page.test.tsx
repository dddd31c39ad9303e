// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { StatusApp } from '@/components/status/StatusApp';
import { FIRST_PAINT_ROWS, FIRST_ROWS } from '@/components/status/StatusPage';
import { parseCsv } from '@/utils/profile-transfer/csv';
import { fakeStatusBackground, PASSPHRASE, type FakeStatusOptions } from './fake-status-background';
import { ROWS, row } from './status-rows';

afterEach(cleanup);

async function renderStatus(options: Partial<FakeStatusOptions> = {}) {
  const background = fakeStatusBackground({ rows: ROWS, ...options });
  render(<StatusApp services={background.services} />);
  if (!options.locked) await screen.findByRole('table');
  return background;
}

const bodyRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);
const shownNumbers = () => bodyRows().map((tr) => within(tr).getByRole('rowheader').textContent);
const chip = (name: RegExp) => screen.getByRole('button', { name });
const searchBox = () => screen.getByRole('searchbox', { name: 'Search importers' }) as HTMLInputElement;
const header = (name: string) => screen.getByRole('columnheader', { name });

describe('status page: the table', () => {
  it('is a real table with a caption, column headers and one row per importer', async () => {
    await renderStatus();
    expect(screen.getByRole('heading', { level: 1, name: 'Enrollment status' })).toBeTruthy();
    const table = screen.getByRole('table');
    expect(table.querySelector('caption')?.textContent).toMatch(/^Importers and their ACH refund enrollment/);
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((th) => th.getAttribute('scope'))).toEqual(Array(8).fill('col'));
    expect(headers.map((th) => within(th).getByRole('button').textContent?.replace(/[▲▼↕]/g, ''))).toEqual([
      'Importer',
      'Importer number',
      'Profile',
      'Bank',
      'Account',
      'Status',
      'Last verified',
      'Details',
    ]);
    expect(shownNumbers()).toEqual(ROWS.map((one) => one.importerNumber));
  });

  it('shows the last 4 of an account, the primary status with the others, the last verification and the details', async () => {
    await renderStatus();
    const cellsOf = (number: string) => within(bodyRows().find((tr) => tr.textContent?.includes(number))!).getAllByRole('cell').map((td) => td.textContent);
    expect(cellsOf('12-345678901')).toEqual(['Acme Imports LLC', 'Acme west', 'Bank of America', '••••4321', 'Verified', '2026-02-27 2 days ago', '']);
    expect(cellsOf('12-345678900')).toEqual(['Acme Imports LLC', 'Acme main', 'Wells Fargo Bank', '••••6789', 'Mismatch', '—', "CBP's file differs: routing number."]);
    const initech = cellsOf('34-567890100');
    expect(initech[4]).toBe('Directory warning also Profile incomplete, Re-verify');
    expect(initech[5]).toBe('2025-06-01 273 days ago');
    expect(cellsOf('56-789012300').slice(0, 4)).toEqual(['—', '—', '—', '—']);
  });

  it('says which re-verify period and FedACH file the statuses come from', async () => {
    await renderStatus({ reverifyDays: 90, directory: { recordCount: 3, importedAt: '2026-02-01T00:00:00.000Z', sourceName: 'FedACHdir.txt' } });
    expect(screen.getByText(/verified again after 90 days/)).toBeTruthy();
    expect(screen.getByText(/from the FedACH file FedACHdir\.txt/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'change in Options' }).getAttribute('href')).toBe('/options.html');
  });

  it('says when there is no importer at all', async () => {
    const background = fakeStatusBackground({ rows: [] });
    render(<StatusApp services={background.services} />);
    expect(await screen.findByText(/^No importers yet/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('status page: sorting', () => {
  it('sorts by the pressed header, then the other way, with aria-sort on that header only', async () => {
    await renderStatus();
    expect(header('Importer number').getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(within(header('Status')).getByRole('button'));
    expect(header('Status').getAttribute('aria-sort')).toBe('ascending');
    expect(header('Importer number').hasAttribute('aria-sort')).toBe(false);
    expect(shownNumbers()).toEqual(['12-345678900', '34-567890100', '56-789012300', '45-678901200', '23-456789000', '12-345678901']);
    expect(screen.getByRole('table').querySelector('caption')?.textContent).toMatch(/sorted by status, ascending$/);
    fireEvent.click(within(header('Status')).getByRole('button'));
    expect(header('Status').getAttribute('aria-sort')).toBe('descending');
    expect(shownNumbers()).toEqual(['12-345678901', '23-456789000', '45-678901200', '56-789012300', '34-567890100', '12-345678900']);
  });

  it('sorts every column both ways', async () => {
    await renderStatus();
    for (const name of ['Importer', 'Profile', 'Bank', 'Account', 'Last verified', 'Details', 'Importer number']) {
      const button = within(header(name)).getByRole('button');
      fireEvent.click(button);
      const up = shownNumbers();
      if (header(name).getAttribute('aria-sort') !== 'ascending') fireEvent.click(button);
      expect(header(name).getAttribute('aria-sort'), name).toBe('ascending');
      fireEvent.click(button);
      expect(header(name).getAttribute('aria-sort'), name).toBe('descending');
      expect(shownNumbers(), name).toEqual([...up].reverse());
    }
  });

  it('sort buttons are plain buttons in the tab order (Enter and Space press them)', async () => {
    await renderStatus();
    for (const th of within(screen.getByRole('table')).getAllByRole('columnheader')) {
      const button = within(th).getByRole('button') as HTMLButtonElement;
      expect(button.type).toBe('button');
      expect(button.tabIndex).toBe(0);
    }
  });
});

describe('status page: chips', () => {
  it('has one chip per status with its count, and All with the total', async () => {
    await renderStatus();
    const group = screen.getByRole('group', { name: 'Filter by status' });
    expect(within(group).getAllByRole('button').map((button) => button.textContent)).toEqual([
      'All 6',
      'Mismatch 1',
      'Directory warning 1',
      'Profile incomplete 2',
      'Entered, not confirmed 1',
      'Re-verify 1',
      'Never seen on ACE 1',
      'Verified 1',
    ]);
    expect(chip(/^All/).getAttribute('aria-pressed')).toBe('true');
    expect(chip(/^Mismatch/).getAttribute('aria-pressed')).toBe('false');
  });

  it('toggles a status on and off, announcing how many importers are shown', async () => {
    await renderStatus();
    const live = screen.getByText('6 importers shown');
    expect(live.getAttribute('role')).toBe('status');
    fireEvent.click(chip(/^Profile incomplete/));
    expect(chip(/^Profile incomplete/).getAttribute('aria-pressed')).toBe('true');
    expect(chip(/^All/).getAttribute('aria-pressed')).toBe('false');
    expect(shownNumbers()).toEqual(['34-567890100', '56-789012300']);
    expect(live.textContent).toBe('2 importers shown');
    fireEvent.click(chip(/^Mismatch/));
    expect(shownNumbers()).toEqual(['12-345678900', '34-567890100', '56-789012300']);
    fireEvent.click(chip(/^Profile incomplete/));
    expect(shownNumbers()).toEqual(['12-345678900']);
    expect(live.textContent).toBe('1 importer shown');
    fireEvent.click(chip(/^All/));
    expect(chip(/^Mismatch/).getAttribute('aria-pressed')).toBe('false');
    expect(shownNumbers()).toHaveLength(6);
  });

  it('chips are plain buttons in the tab order', async () => {
    await renderStatus();
    for (const button of within(screen.getByRole('group', { name: 'Filter by status' })).getAllByRole('button') as HTMLButtonElement[]) {
      expect(button.type).toBe('button');
      expect(button.tabIndex).toBe(0);
    }
  });
});

describe('status page: search', () => {
  it('searches name, importer number with or without hyphens, profile and bank', async () => {
    await renderStatus();
    const search = (text: string) => fireEvent.input(searchBox(), { target: { value: text } });
    search('acme');
    expect(shownNumbers()).toEqual(['12-345678900', '12-345678901']);
    search('23456789000');
    expect(shownNumbers()).toEqual(['23-456789000']);
    search('summit');
    expect(shownNumbers()).toEqual(['34-567890100']);
    search('acme west');
    expect(shownNumbers()).toEqual(['12-345678901']);
    search('nobody');
    expect(bodyRows()).toHaveLength(0);
    expect(screen.getByText('0 importers shown')).toBeTruthy();
    expect(screen.getByText('No importer matches the chosen statuses and search.')).toBeTruthy();
  });

  it('Escape clears the search', async () => {
    await renderStatus();
    fireEvent.input(searchBox(), { target: { value: 'globex' } });
    expect(shownNumbers()).toEqual(['23-456789000']);
    fireEvent.keyDown(searchBox(), { key: 'Escape' });
    expect(searchBox().value).toBe('');
    expect(shownNumbers()).toHaveLength(6);
  });

  it('combines with the chips, and keeps the chip counts of every importer', async () => {
    await renderStatus();
    fireEvent.click(chip(/^Verified/));
    fireEvent.input(searchBox(), { target: { value: 'acme' } });
    expect(shownNumbers()).toEqual(['12-345678901']);
    expect(chip(/^Mismatch/).textContent).toBe('Mismatch 1');
  });
});

describe('status page: many importers', () => {
  const many = Array.from({ length: 450 }, (_, i) => row(`${String(10 + (i % 80)).padStart(2, '0')}-${String(1_000_000 + i).padStart(7, '0')}00`, { statuses: [i % 2 ? 'verified' : 'never-seen'] }));

  it(`draws the first ${FIRST_ROWS} rows, then all of them on "Show all"`, async () => {
    await renderStatus({ rows: many });
    // A screen's worth first, the rest of the first rows a frame later.
    expect(bodyRows()).toHaveLength(FIRST_PAINT_ROWS);
    await waitFor(() => expect(bodyRows()).toHaveLength(FIRST_ROWS));
    expect(screen.getByText('450 importers shown')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show all 450' }));
    expect(bodyRows()).toHaveLength(450);
    expect(screen.queryByRole('button', { name: /^Show all/ })).toBeNull();
    // A new filter starts from the first rows again.
    fireEvent.click(chip(/^Verified/));
    await waitFor(() => expect(bodyRows()).toHaveLength(FIRST_ROWS));
    expect(screen.getByRole('button', { name: 'Show all 225' })).toBeTruthy();
  });

  it('prints every row of the view, then goes back to the first rows', async () => {
    const background = await renderStatus({ rows: many });
    fireEvent.click(chip(/^Never seen/));
    fireEvent.click(screen.getByRole('button', { name: 'Print summary' }));
    await waitFor(() => expect(background.print).toHaveBeenCalledTimes(1));
    expect(background.printedRows).toEqual([225]);
    await waitFor(() => expect(bodyRows()).toHaveLength(FIRST_ROWS));
  });

  it("draws every row for the browser's own Print too", async () => {
    await renderStatus({ rows: many });
    window.dispatchEvent(new Event('beforeprint'));
    await waitFor(() => expect(bodyRows()).toHaveLength(450));
    window.dispatchEvent(new Event('afterprint'));
    await waitFor(() => expect(bodyRows()).toHaveLength(FIRST_ROWS));
  });
});

describe('status page: export and print summary', () => {
  it('exports the current view as CSV, named by the day', async () => {
    const background = await renderStatus();
    fireEvent.click(chip(/^Mismatch/));
    fireEvent.click(chip(/^Verified/));
    fireEvent.click(within(header('Status')).getByRole('button'));
    fireEvent.click(within(header('Status')).getByRole('button'));
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(background.download).toHaveBeenCalledTimes(1);
    const [text, fileName, mimeType] = background.download.mock.calls[0]!;
    expect(fileName).toBe('enrollment-status-2026-03-01.csv');
    expect(mimeType).toBe('text/csv');
    const parsed = parseCsv(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    const lines = parsed.rows.map((one) => one.cells).filter((cells) => cells.join('') !== '');
    expect(lines.slice(1).map((cells) => [cells[0], cells[5], cells[6]])).toEqual([
      ['12-345678901', '4321', 'Verified'],
      ['12-345678900', '6789', 'Mismatch'],
    ]);
  });

  it('has a print summary line with the counts of the view, the day and the FedACH file', async () => {
    await renderStatus({ directory: { recordCount: 3, importedAt: '2026-02-01T00:00:00.000Z', sourceName: 'FedACHdir.txt' } });
    fireEvent.click(chip(/^Profile incomplete/));
    expect(document.querySelector('.print-summary')?.textContent).toBe(
      'Enrollment status on 2026-03-01: 2 importers (Directory warning 1, Profile incomplete 2, Re-verify 1). FedACH file: FedACHdir.txt.',
    );
  });
});

describe('status page: locked vault', () => {
  it('says the vault is locked and unlocks it with the passphrase', async () => {
    const background = await renderStatus({ locked: true });
    expect(await screen.findByRole('heading', { name: 'The vault is locked' })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    fireEvent.input(screen.getByLabelText('Passphrase'), { target: { value: 'wrong one' } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByText('That passphrase is not right.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Passphrase'), { target: { value: PASSPHRASE } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await screen.findByRole('table');
    expect(shownNumbers()).toHaveLength(6);
    expect(background.sent.filter((type) => type === 'enrollment/list')).toHaveLength(2);
  });

  it('asks again when the page comes back into view (unlocked in the popup)', async () => {
    const background = await renderStatus({ locked: true });
    await screen.findByRole('heading', { name: 'The vault is locked' });
    background.unlockInBackground();
    window.dispatchEvent(new Event('focus'));
    await screen.findByRole('table');
  });

  it('hides the rows when the page comes back into view with the vault locked meanwhile', async () => {
    const background = await renderStatus();
    window.dispatchEvent(new Event('focus'));
    await waitFor(() => expect(background.sent).toContain('vault/status'));
    expect(screen.getByRole('table')).toBeTruthy();
    background.lockInBackground();
    window.dispatchEvent(new Event('focus'));
    await screen.findByRole('heading', { name: 'The vault is locked' });
    expect(screen.queryByRole('table')).toBeNull();
    expect(document.body.textContent).not.toContain('Acme');
  });

  it('says there is no vault yet, rather than asking for a passphrase', async () => {
    await renderStatus({ noVault: true, locked: true });
    expect(await screen.findByText(/^No vault has been set up yet/)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'The vault is locked' })).toBeNull();
  });

  it("shows a locked or new vault without waiting for the rows' answer", async () => {
    await renderStatus({ locked: true, listHangs: true });
    expect(await screen.findByRole('heading', { name: 'The vault is locked' })).toBeTruthy();
    cleanup();
    await renderStatus({ noVault: true, locked: true, listHangs: true });
    expect(await screen.findByText(/^No vault has been set up yet/)).toBeTruthy();
  });

  it('asks for the passphrase before sending anything', async () => {
    const background = await renderStatus({ locked: true });
    await screen.findByRole('heading', { name: 'The vault is locked' });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByText('Enter your passphrase.')).toBeTruthy();
    expect(background.sent).not.toContain('vault/unlock');
  });
});
