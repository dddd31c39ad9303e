// @vitest-environment happy-dom
/**
 * The profile picker page (shown in an iframe on the ACE page) against a small fake background
 * that answers the real protocol through handleRequest: the rows and their accessible names, the
 * importer badges, filtering (stale answers ignored), keyboard use, choosing and its failure,
 * the locked and new vault, and the count line.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PickerApp } from '@/components/picker/PickerApp';
import type { PopupServices } from '@/components/popup/popup-services';
import { handleRequest, type Handlers } from '@/utils/messaging/handle-request';
import type { PickerRow } from '@/utils/messaging/protocol';
import { RequestError } from '@/utils/messaging/request-error';
import type { VaultStatus } from '@/utils/messaging/shapes';
import type { VisibilityGate } from '@/utils/content/visibility-gate';

const TOKEN = '0123456789abcdef0123456789abcdef';
const PASSPHRASE = 'granite lantern orbit';
const LIMIT = 50;

const ACME: PickerRow = {
  id: 'p-acme',
  label: 'Acme main',
  importerName: 'Acme Imports LLC',
  importerNumber: '12-345678900',
  bankName: 'JPMorgan Chase Bank',
  accountLast4: '6789',
  accountType: 'checking',
  forImporter: 'same',
};
const ACME_B: PickerRow = {
  id: 'p-acme-b',
  label: 'Acme 2nd suffix',
  importerName: 'Acme Imports LLC',
  importerNumber: '12-3456789B1',
  bankName: 'Bank of America',
  accountLast4: '4321',
  accountType: 'savings',
  forImporter: 'other-suffix',
};
const GLOBEX: PickerRow = {
  id: 'p-globex',
  label: 'Globex refunds',
  importerName: 'Globex Corp',
  importerNumber: '98-765432100',
  bankName: 'Wells Fargo Bank',
  accountLast4: '1111',
  accountType: 'checking',
};
// Not alphabetical: the picker must keep the background's order (the importer's own first).
const ROWS = [ACME, ACME_B, GLOBEX];

interface FakeOptions {
  rows?: readonly PickerRow[];
  vault?: VaultStatus['state'];
  importerNumbers?: readonly string[];
  /** Makes picker/choose fail with this message. */
  chooseError?: string;
  /** A promise the answer to this request waits for (to make answers arrive out of order). */
  hold?: (request: { type: string; payload: unknown }) => Promise<void> | undefined;
  /** The picker's visibility gate (else the page's own, which passes where nothing is tracked). */
  gate?: VisibilityGate;
}

/** A background that knows only the picker's requests. */
function fakePicker(options: FakeOptions = {}) {
  const rows = options.rows ?? ROWS;
  const importerNumbers = [...(options.importerNumbers ?? ['12-345678900', '12-3456789B1'])];
  const requests: { type: string; payload: unknown }[] = [];
  const state = { vault: options.vault ?? 'unlocked' };

  const handlers: Partial<Handlers> = {
    'picker/list': async ({ token, query = '' }) => {
      if (token !== TOKEN) throw new RequestError('not-found', 'This list has expired.');
      if (state.vault !== 'unlocked') return { vault: state.vault, importerNumbers, rows: [], total: 0 };
      const needle = query.trim().toLowerCase();
      const matching = rows.filter((row) => row.label.toLowerCase().includes(needle));
      return { vault: state.vault, importerNumbers, rows: matching.slice(0, LIMIT), total: matching.length };
    },
    'picker/choose': async () => {
      if (options.chooseError) throw new RequestError('not-found', options.chooseError);
      return { done: true as const };
    },
    'vault/unlock': async ({ passphrase }) => {
      if (passphrase !== PASSPHRASE) throw new RequestError('wrong-passphrase', 'That passphrase is not right.');
      state.vault = 'unlocked';
      return { state: 'unlocked', autoLockMinutes: 15 };
    },
  };

  async function transport(message: unknown): Promise<unknown> {
    const sent = structuredClone(message) as { type: string; payload: unknown };
    requests.push(sent);
    await options.hold?.(sent);
    return JSON.parse(JSON.stringify(await handleRequest(handlers, message, 'extension-page')));
  }

  return { transport, requests, state, ofType: (type: string) => requests.filter((r) => r.type === type) };
}

function renderPicker(options: FakeOptions = {}) {
  const background = fakePicker(options);
  const close = vi.fn();
  const services: PopupServices = { transport: background.transport, openOptions: () => {} };
  const view = render(<PickerApp token={TOKEN} services={services} close={close} {...(options.gate ? { gate: options.gate } : {})} />);
  return { ...view, background, close };
}

function deferred() {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

const rowButtons = () => Array.from(document.querySelectorAll<HTMLButtonElement>('button.pick'));
const rowLabels = () => rowButtons().map((button) => button.querySelector('.profile-label')!.textContent);
const filterBox = () => screen.getByLabelText('Filter profiles') as HTMLInputElement;
const typeFilter = (value: string) => fireEvent.input(filterBox(), { target: { value } });
const key = (element: Element, name: string) => fireEvent.keyDown(element, { key: name });

afterEach(() => {
  cleanup();
});

describe('rows', () => {
  it('lists the rows in the order given, each a button named by its label with importer, bank, masked account and type', async () => {
    const { background } = renderPicker();
    await screen.findByRole('button', { name: /^Acme main/ });
    expect(rowLabels()).toEqual(['Acme main', 'Acme 2nd suffix', 'Globex refunds']);
    expect(background.ofType('picker/list')[0]!.payload).toEqual({ token: TOKEN });

    const acme = screen.getByRole('button', { name: /^Acme main/ });
    expect(acme.textContent).toBe('Acme main 12-345678900 · JPMorgan Chase Bank Account •••• 6789 · Checking This importer');
    const acmeB = screen.getByRole('button', { name: /^Acme 2nd suffix/ });
    expect(acmeB.textContent).toBe(
      'Acme 2nd suffix 12-3456789B1 · Bank of America Account •••• 4321 · Savings Same EIN, other suffix',
    );
    const globex = screen.getByRole('button', { name: /^Globex refunds/ });
    expect(globex.textContent).toBe('Globex refunds 98-765432100 · Wells Fargo Bank Account •••• 1111 · Checking');
    expect(globex.querySelector('.pick-badge')).toBeNull();
    expect(acme.querySelector('.pick-badge-same')?.textContent).toBe('This importer');
    expect(acmeB.querySelector('.pick-badge-other-suffix')?.textContent).toBe('Same EIN, other suffix');
    expect(rowButtons().every((button) => button.type === 'button' && !button.disabled)).toBe(true);
    expect(within(screen.getByRole('list', { name: 'Saved bank profiles' })).getAllByRole('button')).toHaveLength(3);
  });

  it("names the page's importer numbers, and says nothing of an importer when the page shows none", async () => {
    renderPicker();
    expect(await screen.findByText('Importer on this page: 12-345678900, 12-3456789B1')).toBeTruthy();
    cleanup();
    renderPicker({ importerNumbers: [], rows: [GLOBEX] });
    await screen.findByRole('button', { name: /^Globex refunds/ });
    expect(screen.queryByText(/Importer on this page/)).toBeNull();
  });

  it('puts the focus in the filter once the rows are on screen', async () => {
    renderPicker();
    await screen.findByRole('button', { name: /^Acme main/ });
    expect(document.activeElement).toBe(filterBox());
  });
});

describe('count line', () => {
  it('counts the profiles', async () => {
    renderPicker();
    expect(await screen.findByText('3 profiles.')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('3 profiles.');
  });

  it('says one profile in the singular, and when there are none at all', async () => {
    renderPicker({ rows: [GLOBEX] });
    expect(await screen.findByText('1 profile.')).toBeTruthy();
    cleanup();
    renderPicker({ rows: [] });
    expect(await screen.findByText('No saved profiles yet.')).toBeTruthy();
  });

  it('says when nothing matches the filter, quoting it', async () => {
    renderPicker();
    await screen.findByText('3 profiles.');
    typeFilter(' q ');
    expect(await screen.findByText('No profile matches “q”.')).toBeTruthy();
    expect(rowButtons()).toHaveLength(0);
  });

  it('says how many are shown when the background sends only the first of many', async () => {
    const many = Array.from({ length: 120 }, (_, i): PickerRow => ({
      ...GLOBEX,
      id: `p-${i}`,
      label: `Profile ${String(i).padStart(3, '0')}`,
    }));
    renderPicker({ rows: many });
    expect(await screen.findByText('120 profiles; showing 50. Type to narrow the list.')).toBeTruthy();
    expect(rowButtons()).toHaveLength(50);
  });
});

describe('filter', () => {
  it('asks the background with the query as typed and shows the rows it answers', async () => {
    const { background } = renderPicker();
    await screen.findByText('3 profiles.');
    typeFilter('glob');
    await waitFor(() => expect(rowLabels()).toEqual(['Globex refunds']));
    expect(background.ofType('picker/list').at(-1)!.payload).toEqual({ token: TOKEN, query: 'glob' });
    expect(filterBox().value).toBe('glob');
    expect(screen.getByText('1 profile.')).toBeTruthy();

    // Blank again: no query at all, every row back.
    typeFilter('  ');
    await waitFor(() => expect(rowLabels()).toEqual(['Acme main', 'Acme 2nd suffix', 'Globex refunds']));
    expect(background.ofType('picker/list').at(-1)!.payload).toEqual({ token: TOKEN });
  });

  it('ignores a slower answer to an older query once a newer one is shown', async () => {
    const slow = deferred();
    const { background } = renderPicker({
      hold: ({ type, payload }) => (type === 'picker/list' && (payload as { query?: string }).query === 'e' ? slow.promise : undefined),
    });
    await screen.findByText('3 profiles.');
    typeFilter('e'); // matches all three, but its answer is held back
    typeFilter('gl');
    await waitFor(() => expect(rowLabels()).toEqual(['Globex refunds']));

    slow.release();
    await waitFor(() => expect(background.ofType('picker/list')).toHaveLength(3));
    // Let the held answer arrive and be (not) applied.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(rowLabels()).toEqual(['Globex refunds']);
    expect(screen.getByText('1 profile.')).toBeTruthy();
    expect(filterBox().value).toBe('gl');
  });
});

describe('keyboard', () => {
  it('Enter in the filter chooses the first row', async () => {
    const { background } = renderPicker();
    await screen.findByText('3 profiles.');
    key(filterBox(), 'Enter');
    await waitFor(() => expect(background.ofType('picker/choose')).toHaveLength(1));
    expect(background.ofType('picker/choose')[0]!.payload).toEqual({ token: TOKEN, profileId: 'p-acme' });
  });

  it('Enter in the filter chooses the first of the filtered rows', async () => {
    const { background } = renderPicker();
    await screen.findByText('3 profiles.');
    typeFilter('glob');
    await waitFor(() => expect(rowLabels()).toEqual(['Globex refunds']));
    key(filterBox(), 'Enter');
    await waitFor(() => expect(background.ofType('picker/choose')).toHaveLength(1));
    expect(background.ofType('picker/choose')[0]!.payload).toEqual({ token: TOKEN, profileId: 'p-globex' });
  });

  it('Enter pressed before the filtered rows arrive chooses from them, not from the rows shown before', async () => {
    const slow = deferred();
    const { background } = renderPicker({
      hold: ({ type, payload }) => (type === 'picker/list' && (payload as { query?: string }).query === 'glob' ? slow.promise : undefined),
    });
    await screen.findByText('3 profiles.');
    typeFilter('glob');
    key(filterBox(), 'Enter');
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The rows on screen are still the unfiltered ones: nothing may be chosen from them.
    expect(background.ofType('picker/choose')).toHaveLength(0);
    slow.release();
    await waitFor(() => expect(background.ofType('picker/choose')).toHaveLength(1));
    expect(background.ofType('picker/choose')[0]!.payload).toEqual({ token: TOKEN, profileId: 'p-globex' });
  });

  it('Enter in the filter does nothing when no row matches', async () => {
    const { background } = renderPicker();
    await screen.findByText('3 profiles.');
    typeFilter(' q ');
    await screen.findByText('No profile matches “q”.');
    key(filterBox(), 'Enter');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(background.ofType('picker/choose')).toHaveLength(0);
  });

  it('arrows move from the filter to the rows and back', async () => {
    renderPicker();
    await screen.findByText('3 profiles.');
    const [first, second, third] = rowButtons();
    filterBox().focus();

    key(filterBox(), 'ArrowDown');
    expect(document.activeElement).toBe(first);
    key(first!, 'ArrowDown');
    expect(document.activeElement).toBe(second);
    key(second!, 'ArrowDown');
    expect(document.activeElement).toBe(third);
    key(third!, 'ArrowDown'); // stays on the last
    expect(document.activeElement).toBe(third);

    key(third!, 'ArrowUp');
    expect(document.activeElement).toBe(second);
    key(second!, 'ArrowUp');
    expect(document.activeElement).toBe(first);
    key(first!, 'ArrowUp');
    expect(document.activeElement).toBe(filterBox());
  });

  it('ArrowDown prevents the default (no page scroll) and Escape closes', async () => {
    const { close } = renderPicker();
    await screen.findByText('3 profiles.');
    expect(fireEvent.keyDown(filterBox(), { key: 'ArrowDown' })).toBe(false);
    expect(close).not.toHaveBeenCalled();
    key(document.activeElement!, 'Escape');
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('Escape closes from the filter too', async () => {
    const { close } = renderPicker();
    await screen.findByText('3 profiles.');
    key(filterBox(), 'Escape');
    expect(close).toHaveBeenCalledTimes(1);
  });
});

describe('choosing', () => {
  it('clicking a row chooses it; the others are disabled while the form fills', async () => {
    const choose = deferred();
    const { background } = renderPicker({
      hold: ({ type }) => (type === 'picker/choose' ? choose.promise : undefined),
    });
    await screen.findByText('3 profiles.');
    fireEvent.click(screen.getByRole('button', { name: /^Acme 2nd suffix/ }));
    await waitFor(() => expect(background.ofType('picker/choose')).toHaveLength(1));
    expect(background.ofType('picker/choose')[0]!.payload).toEqual({ token: TOKEN, profileId: 'p-acme-b' });
    expect(screen.getByRole('status').textContent).toBe('Filling the form…');
    const [acme, acmeB, globex] = rowButtons();
    expect(acmeB!.disabled).toBe(false);
    expect(acmeB!.getAttribute('aria-busy')).toBe('true');
    expect(acme!.disabled).toBe(true);
    expect(globex!.disabled).toBe(true);
    // A second choice while the first is under way is not sent.
    key(filterBox(), 'Enter');
    choose.release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(background.ofType('picker/choose')).toHaveLength(1);
  });

  it('shows why a choice failed and offers the rows again', async () => {
    const message = 'The page changed while the list was open. Open it again from the page.';
    const { background } = renderPicker({ chooseError: message });
    await screen.findByText('3 profiles.');
    fireEvent.click(screen.getByRole('button', { name: /^Globex refunds/ }));
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(rowButtons().map((button) => button.disabled)).toEqual([false, false, false]);
    expect(rowButtons().map((button) => button.getAttribute('aria-busy'))).toEqual(['false', 'false', 'false']);
    expect(screen.getByRole('status').textContent).toBe('3 profiles.');

    // And another try goes out.
    fireEvent.click(screen.getByRole('button', { name: /^Acme main/ }));
    await waitFor(() => expect(background.ofType('picker/choose')).toHaveLength(2));
  });
});

describe('a picker the page hid or covered (clickjacking)', () => {
  /** A gate that judges elements by `seen`, and records what it watches. */
  function gate(seen: (element: Element) => boolean) {
    const watched = new Set<Element>();
    const g: VisibilityGate = {
      tracked: true,
      watch: (element) => void watched.add(element),
      unwatch: (element) => void watched.delete(element),
      check: async (element) => seen(element),
    };
    return { gate: g, watched };
  }

  it('watches the rows and the filter', async () => {
    const { gate: g, watched } = gate(() => true);
    renderPicker({ gate: g });
    await screen.findByText('3 profiles.');
    expect(watched).toEqual(new Set([filterBox(), ...rowButtons()]));
  });

  it('a click on a row it judges hidden chooses nothing and says why; once seen, a click chooses', async () => {
    let hidden = true;
    const { background } = renderPicker({ gate: gate(() => !hidden).gate });
    await screen.findByText('3 profiles.');
    fireEvent.click(screen.getByRole('button', { name: /^Globex refunds/ }));
    expect((await screen.findByRole('alert')).textContent).toBe('This page covered or hid ACE ACH Assist; nothing was filled.');
    expect(background.ofType('picker/choose')).toHaveLength(0);
    hidden = false;
    fireEvent.click(screen.getByRole('button', { name: /^Globex refunds/ }));
    await waitFor(() => expect(background.ofType('picker/choose')).toHaveLength(1));
    expect(background.ofType('picker/choose')[0]!.payload).toEqual({ token: TOKEN, profileId: 'p-globex' });
  });

  it('Enter in a filter it judges hidden chooses nothing', async () => {
    const { background } = renderPicker({ gate: gate((element) => element !== filterBox()).gate });
    await screen.findByText('3 profiles.');
    key(filterBox(), 'Enter');
    expect((await screen.findByRole('alert')).textContent).toBe('This page covered or hid ACE ACH Assist; nothing was filled.');
    expect(background.ofType('picker/choose')).toHaveLength(0);
  });
});

describe('closing', () => {
  it('the × button closes', async () => {
    const { close } = renderPicker();
    await screen.findByText('3 profiles.');
    const button = screen.getByRole('button', { name: 'Close the profile list' });
    expect(button.textContent).toBe('×');
    fireEvent.click(button);
    expect(close).toHaveBeenCalledTimes(1);
  });
});

describe('vault', () => {
  it('a locked vault is unlocked here first, then the rows are listed', async () => {
    const { background } = renderPicker({ vault: 'locked' });
    expect(await screen.findByRole('heading', { name: 'Unlock' })).toBeTruthy();
    expect(screen.getByText('Unlock the vault to fill this form from a saved profile.')).toBeTruthy();
    expect(rowButtons()).toHaveLength(0);
    expect(screen.queryByLabelText('Filter profiles')).toBeNull();

    const field = screen.getByLabelText('Passphrase');
    fireEvent.input(field, { target: { value: 'wrong one' } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByText('That passphrase is not right.')).toBeTruthy();

    fireEvent.input(screen.getByLabelText('Passphrase'), { target: { value: PASSPHRASE } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await screen.findByRole('button', { name: /^Acme main/ });
    expect(rowLabels()).toEqual(['Acme main', 'Acme 2nd suffix', 'Globex refunds']);
    expect(screen.queryByRole('heading', { name: 'Unlock' })).toBeNull();
    expect(background.requests.map((request) => request.type)).toEqual([
      'picker/list',
      'vault/unlock',
      'vault/unlock',
      'picker/list',
    ]);
    expect(background.ofType('vault/unlock')[1]!.payload).toEqual({ passphrase: PASSPHRASE });
  });

  it('a vault not set up yet says where to set it up', async () => {
    renderPicker({ vault: 'new' });
    expect(
      await screen.findByText(
        "No profiles are saved yet. Set up ACE ACH Assist from its toolbar button, add the importer's bank profile, then fill from here.",
      ),
    ).toBeTruthy();
    expect(rowButtons()).toHaveLength(0);
    expect(screen.queryByRole('heading', { name: 'Unlock' })).toBeNull();
    expect(screen.queryByLabelText('Filter profiles')).toBeNull();
  });

  it('a first listing that fails shows the error', async () => {
    const background = fakePicker();
    const services: PopupServices = { transport: background.transport, openOptions: () => {} };
    render(<PickerApp token={'f'.repeat(32)} services={services} close={() => {}} />);
    expect((await screen.findByRole('alert')).textContent).toBe('This list has expired.');
    expect(rowButtons()).toHaveLength(0);
  });
});
