// @vitest-environment happy-dom
/**
 * The profile editor against a fake background: the bank core's words under each field, errors
 * against warnings, Save held back while errors remain, the FedACH directory's bank name and
 * suggestions, the duplicate-account warning, saving new and edited profiles, the account
 * field's Reveal, Escape with unsaved changes, and delete with undo.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bankMessage } from '@/utils/bank/messages';
import { fedAchRecord } from './fake-background';
import { ACME, GLOBEX } from './profile-fixtures';
import { NOW, renderPopup } from './render-popup';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function field(label: string): HTMLInputElement {
  return screen.getByLabelText(label) as HTMLInputElement;
}

function type(label: string, value: string) {
  fireEvent.input(field(label), { target: { value } });
}

function leave(label: string) {
  fireEvent.blur(field(label));
}

/** The messages tied to a field through aria-describedby. */
function messagesOf(label: string): { text: string; severity: string }[] {
  const ids = field(label).getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids
    .map((id) => document.getElementById(id))
    .flatMap((element) => Array.from(element?.querySelectorAll('li') ?? []))
    .map((item) => ({
      text: item.textContent!.replace(/^(Error|Warning|Note): /, ''),
      severity: item.className.replace('message message-', ''),
    }));
}

function saveButton(): HTMLButtonElement {
  return screen.getByRole('button', { name: /^Save profile$|^Saving/ }) as HTMLButtonElement;
}

async function openNewProfile(options: Parameters<typeof renderPopup>[0] = {}) {
  const popup = renderPopup(options);
  fireEvent.click(await screen.findByRole('button', { name: 'Add profile' }));
  await screen.findByRole('heading', { name: 'New profile' });
  return popup;
}

function fillAcme() {
  type('Label', 'Acme main');
  type('Importer legal name', 'Acme Imports LLC');
  type('Importer number', '12-345678900');
  type('Bank routing number', '021000021');
  type('Bank name', 'JPMorgan Chase Bank');
  type('Account number', '000123456789');
  type('Confirm account number', '000123456789');
  type('Account holder name', 'Acme Imports LLC');
}

describe('new profile', () => {
  it('starts at the Label field, keeps Save disabled until the profile is complete, then saves it', async () => {
    const { background } = await openNewProfile();
    expect(document.activeElement).toBe(field('Label'));
    expect(saveButton().disabled).toBe(true);
    expect((screen.getByLabelText('Account type') as HTMLSelectElement).value).toBe('checking');
    expect(screen.getByRole('option', { name: 'Checking (ACE Bank Control Key 01)' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Savings (ACE Bank Control Key 02)' })).toBeTruthy();
    fillAcme();
    fireEvent.change(screen.getByLabelText('Account type'), { target: { value: 'savings' } });
    type('Notes', 'Main refund account');
    expect(saveButton().disabled).toBe(false);
    fireEvent.click(saveButton());

    expect(await screen.findByRole('heading', { name: 'Bank profiles' })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Acme main/ })));
    expect(screen.getByText('Saved Acme main.').closest('[role="status"]')).toBeTruthy();
    const save = background.requests.find((request) => request.type === 'profiles/save');
    expect(save?.payload).toEqual({
      profile: {
        schemaVersion: 1,
        label: 'Acme main',
        importerName: 'Acme Imports LLC',
        importerNumbers: ['12-345678900'],
        bankName: 'JPMorgan Chase Bank',
        routingNumber: '021000021',
        accountNumber: '000123456789',
        accountType: 'savings',
        accountHolderName: 'Acme Imports LLC',
        notes: 'Main refund account',
        createdAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
      },
    });
  });

  it("shows the bank core's exact words under the routing number, tied to it, and blocks Save", async () => {
    await openNewProfile();
    fillAcme();
    type('Bank routing number', '021000022');
    expect(messagesOf('Bank routing number')).toEqual([{ text: bankMessage('routing.checksum'), severity: 'error' }]);
    expect(field('Bank routing number').getAttribute('aria-invalid')).toBe('true');
    expect(saveButton().disabled).toBe(true);
    expect(screen.getByText('To save, complete or fix: Bank routing number.')).toBeTruthy();
    expect(saveButton().getAttribute('aria-describedby')).toBe('save-note');

    type('Bank routing number', '021000021');
    expect(messagesOf('Bank routing number')).toEqual([]);
    expect(field('Bank routing number').getAttribute('aria-invalid')).toBe('false');
    expect(saveButton().disabled).toBe(false);
  });

  it('holds back "not finished" messages while typing and shows them once the field is left', async () => {
    await openNewProfile();
    type('Bank routing number', '0210');
    expect(messagesOf('Bank routing number')).toEqual([]);
    leave('Bank routing number');
    expect(messagesOf('Bank routing number')).toEqual([{ text: bankMessage('routing.length', { found: 4 }), severity: 'error' }]);
    // A wrong character shows at once.
    type('Account number', '12O4');
    expect(messagesOf('Account number')).toEqual([
      {
        text: 'The account number contains the letter “O” at position 3; it can hold only digits (did you mean the digit 0?).',
        severity: 'error',
      },
    ]);
  });

  it('styles warnings apart from errors and does not block Save for them', async () => {
    await openNewProfile();
    fillAcme();
    type('Account number', '021000021');
    type('Confirm account number', '021000021');
    expect(messagesOf('Account number')).toEqual([{ text: bankMessage('account.is-routing'), severity: 'warning' }]);
    expect(field('Account number').getAttribute('aria-invalid')).toBe('false');
    expect(saveButton().disabled).toBe(false);
  });

  it('refuses a confirmation that differs, in the bank core words', async () => {
    await openNewProfile();
    fillAcme();
    type('Confirm account number', '000123456780');
    leave('Confirm account number');
    expect(messagesOf('Confirm account number')).toEqual([
      { text: bankMessage('account.confirm-mismatch', { positions: [12] }), severity: 'error' },
    ]);
    expect(saveButton().disabled).toBe(true);
  });

  it('checks each importer number row, adds and removes rows with focus following', async () => {
    await openNewProfile();
    fillAcme();
    fireEvent.click(screen.getByRole('button', { name: 'Add importer number' }));
    expect(document.activeElement).toBe(field('Importer number 2'));
    type('Importer number 2', '12-3456789');
    leave('Importer number 2');
    expect(messagesOf('Importer number 2')).toEqual([{ text: bankMessage('importer.ein-missing-suffix'), severity: 'error' }]);
    expect(saveButton().disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Remove importer number 2' }));
    expect(screen.queryByLabelText('Importer number 2')).toBeNull();
    expect(document.activeElement).toBe(field('Importer number'));
    expect(saveButton().disabled).toBe(false);
  });

  it("warns, without blocking, when another profile has the same routing + account number", async () => {
    const { background } = await openNewProfile({ profiles: [ACME, GLOBEX] });
    fillAcme();
    type('Label', 'Acme second suffix');
    await waitFor(() =>
      expect(messagesOf('Account number')).toContainEqual({ text: 'Same bank account as: Acme main', severity: 'warning' }),
    );
    expect(saveButton().disabled).toBe(false);
    expect(background.requests.find((request) => request.type === 'profiles/find-duplicates')?.payload).toEqual({
      routingNumber: '021000021',
      accountNumber: '000123456789',
    });
  });

  it("shows the background's problems under their fields when it refuses the profile", async () => {
    await openNewProfile({
      refuseSaveWith: [{ code: 'profile.too-long', severity: 'error', message: 'Bank name: keep it shorter.', path: 'bankName' }],
    });
    fillAcme();
    fireEvent.click(saveButton());
    await waitFor(() => expect(screen.getAllByRole('alert').some((alert) => alert.textContent?.includes('The profile was not saved'))).toBe(true));
    expect(messagesOf('Bank name')).toEqual([{ text: 'Bank name: keep it shorter.', severity: 'error' }]);
    expect(screen.getByRole('heading', { name: 'New profile' })).toBeTruthy();
    type('Bank name', 'JPMorgan Chase');
    expect(messagesOf('Bank name')).toEqual([]);
  });
});

describe('FedACH directory', () => {
  const directory = [
    fedAchRecord('021000021', 'JPMORGAN CHASE BANK, NA', { city: 'TAMPA', state: 'FL' }),
    fedAchRecord('011000015', 'FEDERAL RESERVE BANK', { recordType: '2', newRoutingNumber: '021000021' }),
  ];

  it('fills an empty bank name and says where it came from', async () => {
    await openNewProfile({ directory });
    type('Bank routing number', '021000021');
    await waitFor(() => expect(field('Bank name').value).toBe('JPMORGAN CHASE BANK, NA'));
    expect(messagesOf('Bank name')).toEqual([{ text: 'Filled in from your FedACH directory.', severity: 'info' }]);
    expect(messagesOf('Bank routing number')).toEqual([{ text: 'FedACH directory: JPMORGAN CHASE BANK, NA (TAMPA, FL).', severity: 'info' }]);
  });

  it("keeps a bank name the user typed, and mentions the directory's", async () => {
    await openNewProfile({ directory });
    type('Bank name', 'Chase');
    type('Bank routing number', '021000021');
    await waitFor(() =>
      expect(messagesOf('Bank name')).toEqual([
        { text: 'Your FedACH directory lists this routing number as JPMORGAN CHASE BANK, NA.', severity: 'info' },
      ]),
    );
    expect(field('Bank name').value).toBe('Chase');
  });

  it('offers "did you mean" for a checksum-bad number, and the button sets it', async () => {
    await openNewProfile({ directory });
    type('Bank routing number', '021000022');
    const suggestion = await screen.findByRole('button', { name: bankMessage('directory.suggestion', { routingNumber: '021000021', bankName: 'JPMORGAN CHASE BANK, NA' }) });
    // The check's own message shows once, not again from the lookup.
    expect(messagesOf('Bank routing number')).toEqual([{ text: bankMessage('routing.checksum'), severity: 'error' }]);
    fireEvent.click(suggestion);
    expect(field('Bank routing number').value).toBe('021000021');
    expect(document.activeElement).toBe(field('Bank routing number'));
    expect(messagesOf('Bank routing number').some((message) => message.severity === 'error')).toBe(false);
  });

  it('flags a replaced number and offers its replacement', async () => {
    await openNewProfile({ directory });
    type('Bank routing number', '011000015');
    await waitFor(() =>
      expect(messagesOf('Bank routing number')).toContainEqual({
        text: bankMessage('directory.replaced', { newRoutingNumber: '021000021', bankName: 'JPMORGAN CHASE BANK, NA' }),
        severity: 'warning',
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Use 021000021' }));
    expect(field('Bank routing number').value).toBe('021000021');
  });

  it('flags a valid number missing from the directory', async () => {
    await openNewProfile({ directory });
    type('Bank routing number', '026009593');
    await waitFor(() => expect(messagesOf('Bank routing number')).toContainEqual({ text: bankMessage('directory.not-found'), severity: 'warning' }));
  });

  it("warns about a listed 61–72 number once, naming its participant, and lets it be saved", async () => {
    await openNewProfile({ directory: [...directory, fedAchRecord('655060042', 'SOCIAL SECURITY ADMINISTRATION', { city: 'BALTIMORE', state: 'MD' })] });
    type('Bank routing number', '655060042');
    await waitFor(() =>
      expect(messagesOf('Bank routing number')).toEqual([
        { text: 'FedACH directory: SOCIAL SECURITY ADMINISTRATION (BALTIMORE, MD).', severity: 'info' },
        { text: bankMessage('directory.electronic-participant', { prefix: '65', bankName: 'SOCIAL SECURITY ADMINISTRATION' }), severity: 'warning' },
      ]),
    );
  });

  it('puts the suggestion of the bank typed in Bank name first among tied ones', async () => {
    const tied = [fedAchRecord('021000021', 'JPMORGAN CHASE BANK, NA'), fedAchRecord('021000089', 'WELLS FARGO BANK, NA')];
    await openNewProfile({ directory: tied });
    type('Bank name', 'Wells Fargo');
    type('Bank routing number', '021000029');
    const wells = bankMessage('directory.suggestion', { routingNumber: '021000089', bankName: 'WELLS FARGO BANK, NA' });
    const chase = bankMessage('directory.suggestion', { routingNumber: '021000021', bankName: 'JPMORGAN CHASE BANK, NA' });
    await screen.findByRole('button', { name: wells });
    const names = () => screen.getAllByRole('button').map((button) => button.textContent).filter((text) => text?.startsWith('Did you mean'));
    expect(names()).toEqual([wells, chase]);
  });

  it('says how to get bank names when no directory is imported', async () => {
    await openNewProfile();
    type('Bank routing number', '021000021');
    await waitFor(() =>
      expect(messagesOf('Bank routing number')).toEqual([
        { text: 'Import a FedACH directory in Options to see the bank for a routing number.', severity: 'info' },
      ]),
    );
  });
});

describe('editing', () => {
  it('loads the profile, focuses the heading, masks the account number and saves with createdAt kept', async () => {
    const { background } = renderPopup({ profiles: [ACME, GLOBEX] });
    fireEvent.click(await screen.findByRole('button', { name: /^Acme main/ }));
    const heading = await screen.findByRole('heading', { name: 'Edit profile' });
    expect(document.activeElement).toBe(heading);
    await waitFor(() => expect(field('Label').value).toBe('Acme main'));
    expect(field('Account number').type).toBe('password');
    expect(field('Account number').value).toBe('000123456789');
    expect(field('Confirm account number').value).toBe('000123456789');
    type('Label', 'Acme Imports — main');
    fireEvent.click(saveButton());
    await screen.findByRole('heading', { name: 'Bank profiles' });
    expect(await screen.findByRole('button', { name: /^Acme Imports — main/ })).toBeTruthy();
    const save = background.requests.find((request) => request.type === 'profiles/save')?.payload as {
      id: string;
      profile: Record<string, unknown>;
    };
    expect(save.id).toBe('id-1');
    expect(save.profile.createdAt).toBe(ACME.createdAt);
    expect(save.profile.updatedAt).toBe(NOW.toISOString());
  });

  it('reveals the account digits on request and masks them again after 10 seconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderPopup({ profiles: [ACME] });
    fireEvent.click(await screen.findByRole('button', { name: /^Acme main/ }));
    await waitFor(() => expect(field('Account number').value).toBe('000123456789'));
    const reveal = screen.getByRole('button', { name: 'Reveal digits' });
    fireEvent.click(reveal);
    expect(field('Account number').type).toBe('text');
    expect(field('Confirm account number').type).toBe('text');
    expect(reveal.getAttribute('aria-pressed')).toBe('true');
    await vi.advanceTimersByTimeAsync(10_100);
    await waitFor(() => expect(field('Account number').type).toBe('password'));
    expect(reveal.getAttribute('aria-pressed')).toBe('false');
  });

  it('returns to the list on Escape, asking first when there are unsaved changes', async () => {
    renderPopup({ profiles: [ACME] });
    fireEvent.click(await screen.findByRole('button', { name: /^Acme main/ }));
    await waitFor(() => expect(field('Label').value).toBe('Acme main'));
    field('Notes').focus();
    type('Notes', 'changed');
    fireEvent.keyDown(field('Notes'), { key: 'Escape' });
    const dialog = screen.getByRole('alertdialog', { name: 'Discard unsaved changes?' });
    const keep = within(dialog).getByRole('button', { name: 'Keep editing' });
    expect(document.activeElement).toBe(keep);
    fireEvent.click(keep);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(field('Notes'));
    expect(field('Notes').value).toBe('changed');

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Discard changes' }));
    expect(await screen.findByRole('heading', { name: 'Bank profiles' })).toBeTruthy();
  });

  it('leaves at once on Escape when nothing changed', async () => {
    renderPopup({ profiles: [ACME] });
    fireEvent.click(await screen.findByRole('button', { name: 'Add profile' }));
    fireEvent.keyDown(field('Label'), { key: 'Escape' });
    expect(await screen.findByRole('heading', { name: 'Bank profiles' })).toBeTruthy();
  });
});

describe('delete with undo', () => {
  it('deletes from the editor, offers Undo for 10 seconds, and Undo restores the profile', async () => {
    const { background } = renderPopup({ profiles: [ACME, GLOBEX] });
    fireEvent.click(await screen.findByRole('button', { name: /^Globex refunds/ }));
    await waitFor(() => expect(field('Label').value).toBe('Globex refunds'));
    fireEvent.click(screen.getByRole('button', { name: 'Delete profile' }));

    const heading = await screen.findByRole('heading', { name: 'Bank profiles' });
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Globex refunds/ })).toBeNull());
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText('Deleted Globex refunds.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));

    expect(await screen.findByRole('button', { name: /^Globex refunds/ })).toBeTruthy();
    expect(screen.getByText('Restored Globex refunds.')).toBeTruthy();
    expect(background.typesRequested()).toEqual(expect.arrayContaining(['profiles/delete', 'profiles/restore']));
    expect(background.stored.get('id-2')?.deletedAt).toBeUndefined();
  });

  it('takes the Undo away after about 10 seconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { background } = renderPopup({ profiles: [ACME, GLOBEX] });
    fireEvent.click(await screen.findByRole('button', { name: /^Acme main/ }));
    await waitFor(() => expect(field('Label').value).toBe('Acme main'));
    fireEvent.click(screen.getByRole('button', { name: 'Delete profile' }));
    await screen.findByRole('button', { name: 'Undo' });
    await vi.advanceTimersByTimeAsync(9_000);
    expect(screen.getByRole('button', { name: 'Undo' })).toBeTruthy();
    await vi.advanceTimersByTimeAsync(1_500);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull());
    expect(background.stored.get('id-1')?.deletedAt).toBeDefined();
  });
});
