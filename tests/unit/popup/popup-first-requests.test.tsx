// @vitest-environment happy-dom
/**
 * The popup's first requests, sent by popup-first-requests.js before the popup's code has
 * loaded: the popup takes their answers instead of asking again (so its own first requests must
 * be exactly those), reads them through the protocol's schemas, and a locked vault still shows
 * the unlock form.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_REQUESTS, sendFirstRequests, takeFirstReplies, withFirstReplies } from '@/utils/messaging/first-requests';
import { createFakeBackground } from './fake-background';
import { ACME, GLOBEX } from './profile-fixtures';
import { renderPopup } from './render-popup';

afterEach(() => {
  cleanup();
});

/** The popup as it opens in the extension: the small script's answers on their way first. */
function openPopup(options: Parameters<typeof createFakeBackground>[0]) {
  const background = createFakeBackground(options);
  const slot: Record<string, unknown> = {};
  sendFirstRequests(background.transport, slot);
  const view = renderPopup(options, { transport: withFirstReplies(background.transport, takeFirstReplies(slot)) });
  return { ...view, background };
}

const sent = (background: { requests: { type: string }[] }, type: string) => background.requests.filter((request) => request.type === type).length;

describe('first requests', () => {
  it('are sent once each, and left for the popup to take once', async () => {
    const background = createFakeBackground({ profiles: [ACME] });
    const slot: Record<string, unknown> = {};
    sendFirstRequests(background.transport, slot);
    expect(background.requests).toEqual(FIRST_REQUESTS.map((message) => ({ ...message })));
    const replies = takeFirstReplies(slot);
    expect(replies?.size).toBe(2);
    expect(takeFirstReplies(slot)).toBeUndefined();
    // Each answer is taken once; the same request again goes to the background.
    const transport = withFirstReplies(background.transport, replies);
    await transport({ type: 'vault/status', payload: {} });
    expect(sent(background, 'vault/status')).toBe(1);
    await transport({ type: 'vault/status', payload: {} });
    expect(sent(background, 'vault/status')).toBe(2);
  });

  it('are the popup\'s own: it shows the list from their answers without asking again', async () => {
    const { background } = openPopup({ profiles: [GLOBEX, ACME] });
    await screen.findByRole('button', { name: /^Acme main/ });
    await waitFor(() => expect(background.answered).toContain('vault/status'));
    expect({ status: sent(background, 'vault/status'), list: sent(background, 'profiles/list') }).toEqual({ status: 1, list: 1 });
  });

  it('still show the unlock form, not profiles, when the vault is locked; unlocking asks afresh', async () => {
    const { background } = openPopup({ state: 'locked', passphrase: 'correct horse battery staple', profiles: [ACME] });
    await screen.findByRole('heading', { name: 'Unlock' });
    expect(document.body.textContent).not.toContain('Acme main');
    fireEvent.input(screen.getByLabelText('Passphrase', { exact: true }), { target: { value: 'correct horse battery staple' } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await screen.findByRole('button', { name: /^Acme main/ });
    expect(sent(background, 'profiles/list')).toBe(2);
  });
});
