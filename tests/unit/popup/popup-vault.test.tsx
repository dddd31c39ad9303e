// @vitest-environment happy-dom
/**
 * The popup's first run and lock screen against a fake background: choosing a passphrase, the
 * refusals, unlocking, a wrong passphrase and the throttle countdown.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '@/components/popup/PopupApp';
import { testPassphraseEstimator } from '../../support/passphrase-estimator';
import type { Transport } from '@/utils/messaging/send-request';
import { WRONG_PASSPHRASE } from './fake-background';
import { renderPopup } from './render-popup';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function type(label: string | RegExp, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

describe('first run', () => {
  // zxcvbn's chunk, loaded once for the file (a few seconds under a loaded machine).
  beforeAll(async () => {
    await testPassphraseEstimator();
  });

  it('explains that a forgotten passphrase is lost, rates it as it is typed, and creates the vault', async () => {
    const { background } = renderPopup({ state: 'new' });
    expect(await screen.findByRole('heading', { name: 'Set up ACE ACH Assist' })).toBeTruthy();
    expect(screen.getByText(/forgotten passphrase cannot be recovered/)).toBeTruthy();
    const field = screen.getByLabelText('Passphrase');
    expect(document.activeElement).toBe(field);
    expect(field.getAttribute('autocomplete')).toBe('new-password');

    type('Passphrase', 'short');
    expect(screen.getByText(/Strength: Weak\. Use at least 10 characters/)).toBeTruthy();
    type('Passphrase', 'password123');
    expect(await screen.findByText(/Strength: Weak\. Too easy to guess\. This is a commonly used password/)).toBeTruthy();
    type('Passphrase', 'granite lantern orbit 71');
    expect(await screen.findByText(/Strength: Strong\. Strong passphrase\./)).toBeTruthy();

    type('Confirm passphrase', 'granite lantern orbit 71');
    fireEvent.click(screen.getByRole('button', { name: 'Create vault' }));
    expect(await screen.findByRole('heading', { name: 'Bank profiles' })).toBeTruthy();
    expect(background.requests.find((request) => request.type === 'vault/setup')?.payload).toEqual({
      passphrase: 'granite lantern orbit 71',
    });
  });

  it('refuses a short passphrase, a weak one and a confirmation that differs, without asking the background', async () => {
    const { background } = renderPopup({ state: 'new' });
    await screen.findByRole('heading', { name: 'Set up ACE ACH Assist' });
    const alert = () => screen.getByRole('alert').textContent;
    type('Passphrase', 'short one');
    type('Confirm passphrase', 'short one');
    fireEvent.click(screen.getByRole('button', { name: 'Create vault' }));
    await waitFor(() => expect(alert()).toBe('The passphrase needs at least 10 characters; this one has 9.'));
    expect(screen.getByLabelText('Passphrase').getAttribute('aria-invalid')).toBe('true');

    for (const [weak, advice] of [
      ['aaaaaaaaaa', 'Repeated characters like "aaa" are easy to guess; add more words that are less common; avoid repeated words and characters.'],
      ['1234567890', 'This is a frequently used password; add more words that are less common.'],
    ] as const) {
      type('Passphrase', weak);
      type('Confirm passphrase', weak);
      fireEvent.click(screen.getByRole('button', { name: 'Create vault' }));
      await waitFor(() => expect(alert()).toBe(`This passphrase is too easy to guess. ${advice}`));
      expect(screen.getByLabelText('Passphrase').getAttribute('aria-invalid')).toBe('true');
    }

    type('Passphrase', 'granite lantern orbit 71');
    type('Confirm passphrase', 'granite lantern orbit 7');
    fireEvent.click(screen.getByRole('button', { name: 'Create vault' }));
    await waitFor(() => expect(alert()).toMatch(/do not match/));
    expect(screen.getByLabelText('Confirm passphrase').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Passphrase').getAttribute('aria-invalid')).toBe('false');
    expect(background.typesRequested()).not.toContain('vault/setup');
  });

  it('shows and hides the passphrases on request', async () => {
    renderPopup({ state: 'new' });
    await screen.findByRole('heading', { name: 'Set up ACE ACH Assist' });
    const field = screen.getByLabelText('Passphrase') as HTMLInputElement;
    expect(field.type).toBe('password');
    fireEvent.click(screen.getByLabelText('Show passphrases'));
    expect((screen.getByLabelText('Passphrase') as HTMLInputElement).type).toBe('text');
  });
});

describe('unlock', () => {
  it('unlocks with the right passphrase and lands in the search box', async () => {
    const { background } = renderPopup({ state: 'locked', passphrase: 'granite lantern orbit' });
    expect(await screen.findByRole('heading', { name: 'Unlock' })).toBeTruthy();
    const field = screen.getByLabelText('Passphrase');
    expect(field.getAttribute('autocomplete')).toBe('current-password');
    expect(document.activeElement).toBe(field);
    type('Passphrase', 'granite lantern orbit');
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('heading', { name: 'Bank profiles' })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Search profiles')));
    expect(background.state).toBe('unlocked');
  });

  it("shows the background's words for a wrong passphrase and stays locked", async () => {
    renderPopup({ state: 'locked', passphrase: 'granite lantern orbit' });
    await screen.findByRole('heading', { name: 'Unlock' });
    type('Passphrase', 'not it at all');
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(WRONG_PASSPHRASE));
    expect(screen.getByRole('heading', { name: 'Unlock' })).toBeTruthy();
    const field = screen.getByLabelText('Passphrase') as HTMLInputElement;
    expect(field.value).toBe('');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field);
  });

  it('counts down while tries are slowed down, then takes the next try', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderPopup({ state: 'locked', passphrase: 'granite lantern orbit', throttleAfter: 1, throttleMs: 5_000 });
    await screen.findByRole('heading', { name: 'Unlock' });
    type('Passphrase', 'wrong passphrase');
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(screen.getByText(/You can try again in 5 seconds\./)).toBeTruthy());
    const unlock = screen.getByRole('button', { name: 'Unlock' }) as HTMLButtonElement;
    expect(unlock.disabled).toBe(true);

    await vi.advanceTimersByTimeAsync(2_000);
    expect(screen.getByText(/You can try again in [23] seconds\./)).toBeTruthy();
    await vi.advanceTimersByTimeAsync(3_500);
    await waitFor(() => expect((screen.getByRole('button', { name: 'Unlock' }) as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByText(/You can try again in/)).toBeNull();

    type('Passphrase', 'granite lantern orbit');
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('heading', { name: 'Bank profiles' })).toBeTruthy();
  });

  it("shows the background's throttle message and counts down when a try comes too early", async () => {
    const { background } = renderPopup({ state: 'locked', passphrase: 'granite lantern orbit', throttleAfter: 1, throttleMs: 60_000 });
    await screen.findByRole('heading', { name: 'Unlock' });
    // Another popup made a wrong try after this one opened: the wait starts behind its back.
    await background.transport({ type: 'vault/unlock', payload: { passphrase: 'nope nope nope' } });
    type('Passphrase', 'granite lantern orbit');
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^Too many wrong passphrases\. Try again in (60|59) seconds\.$/));
    expect(screen.getByText(/You can try again in (60|59) seconds\./)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Unlock' }) as HTMLButtonElement).disabled).toBe(true);
    expect(background.state).toBe('locked');
  });

  it('starts counting down when the status says tries are slowed down', async () => {
    const { background } = renderPopup({ state: 'locked', throttleAfter: 1, throttleMs: 60_000 });
    await screen.findByRole('heading', { name: 'Unlock' });
    // One wrong try through the transport, as another popup would have made.
    await background.transport({ type: 'vault/unlock', payload: { passphrase: 'nope nope nope' } });
    const reply = (await background.transport({ type: 'vault/unlock', payload: { passphrase: 'nope nope nope' } })) as {
      error: { code: string; message: string };
    };
    expect(reply.error.code).toBe('throttled');
    cleanup();
    renderPopupAgain(background.transport);
    await screen.findByRole('heading', { name: 'Unlock' });
    expect(screen.getByText(/You can try again in (60|59) seconds\./)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Unlock' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

function renderPopupAgain(transport: Transport) {
  return render(<PopupApp services={{ transport, openOptions: () => {} }} />);
}
