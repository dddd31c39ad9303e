// @vitest-environment happy-dom
/**
 * The status page's first request, sent by status-first-requests.js before the page's code has
 * loaded: the page takes its answer instead of asking again (so its own first request must be
 * exactly that one), and a locked vault still shows the unlock form, whose unlock asks afresh.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { StatusApp } from '@/components/status/StatusApp';
import { sendFirstRequests, STATUS_FIRST_REQUESTS, takeFirstReplies, withFirstReplies } from '@/utils/messaging/first-requests';
import { fakeStatusBackground, PASSPHRASE } from './fake-status-background';
import { ROWS } from './status-rows';

afterEach(cleanup);

const count = (sent: readonly string[], type: string) => sent.filter((one) => one === type).length;

function openStatus(locked: boolean) {
  const background = fakeStatusBackground({ rows: ROWS, locked });
  const slot: Record<string, unknown> = {};
  sendFirstRequests(background.services.transport, slot, STATUS_FIRST_REQUESTS);
  expect(background.sent).toEqual(['enrollment/list']);
  const transport = withFirstReplies(background.services.transport, takeFirstReplies(slot));
  render(<StatusApp services={{ ...background.services, transport }} />);
  return background;
}

describe('status page: first request', () => {
  it("is the page's own: the table comes from its answer without asking again", async () => {
    const background = openStatus(false);
    await screen.findByRole('table');
    expect(count(background.sent, 'enrollment/list')).toBe(1);
  });

  it('still shows the unlock form when the vault is locked; unlocking asks afresh', async () => {
    const background = openStatus(true);
    await screen.findByRole('heading', { name: 'The vault is locked' });
    fireEvent.input(screen.getByLabelText('Passphrase'), { target: { value: PASSPHRASE } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await screen.findByRole('table');
    expect(count(background.sent, 'enrollment/list')).toBe(2);
    expect(background.sent.indexOf('vault/unlock')).toBeLessThan(background.sent.lastIndexOf('enrollment/list'));
  });
});
