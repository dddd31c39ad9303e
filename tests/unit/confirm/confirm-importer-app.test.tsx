// @vitest-environment happy-dom
/**
 * The other-importer question in our own window: it shows the background's question with
 * Cancel in focus, sends the answer and closes; an expired question says so and offers nothing.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import { ConfirmImporterApp } from '@/components/confirm/ConfirmImporterApp';

const QUESTION = {
  title: "Fill another importer's bank details?",
  lines: ['"Acme main" is the profile of importer 12-345678900; this page is importer 98-765432100.', "Refunds of this importer would be paid into the other importer's account."],
};

afterEach(() => cleanup());

function show(reply: (type: string, payload: unknown) => unknown) {
  const sent: { type: string; payload: unknown }[] = [];
  const close = vi.fn();
  const transport = async (message: unknown) => {
    const { type, payload } = message as { type: string; payload: unknown };
    sent.push({ type, payload });
    return reply(type, payload);
  };
  render(<ConfirmImporterApp id="q-1" transport={transport} close={close} />);
  return { sent, close };
}

const answering = (type: string) =>
  type === 'confirm/question' ? { ok: true, data: QUESTION } : { ok: true, data: { done: true } };

it('shows the question with Cancel in focus', async () => {
  const { sent } = show(answering);
  expect(await screen.findByRole('heading', { name: QUESTION.title })).toBeTruthy();
  for (const line of QUESTION.lines) expect(screen.getByText(line)).toBeTruthy();
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' })));
  expect(sent).toEqual([{ type: 'confirm/question', payload: { id: 'q-1' } }]);
});

for (const [label, fill] of [['Fill anyway', true], ['Cancel', false]] as const) {
  it(`${label} sends its answer and closes the window`, async () => {
    const { sent, close } = show(answering);
    fireEvent.click(await screen.findByRole('button', { name: label }));
    await waitFor(() => expect(close).toHaveBeenCalledTimes(1));
    expect(sent.at(-1)).toEqual({ type: 'confirm/answer', payload: { id: 'q-1', fill } });
  });
}

it('says when the question has expired, and offers no answer', async () => {
  const message = 'This question has expired: nothing was filled. Fill again from the page.';
  const { close } = show(() => ({ ok: false, error: { code: 'not-found', message } }));
  expect((await screen.findByRole('alert')).textContent).toBe(message);
  expect(screen.queryByRole('button', { name: 'Fill anyway' })).toBeNull();
  expect(close).not.toHaveBeenCalled();
});
