// @vitest-environment happy-dom
/**
 * The popup's "Fill this page": it asks the background to open the picker on the active ACE tab
 * and closes itself when the picker opened; otherwise it stays and says why.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ACME } from './profile-fixtures';
import { renderPopup } from './render-popup';

afterEach(() => cleanup());

describe('Fill this page', () => {
  it('asks the background to open the picker and closes the popup once it opened', async () => {
    const { background, opened } = renderPopup({ profiles: [ACME], openPicker: { opened: true } });
    fireEvent.click(await screen.findByRole('button', { name: 'Fill this page' }));
    await waitFor(() => expect(opened).toEqual(['closed']));
    expect(background.typesRequested()).toContain('fill/open-picker');
  });

  it('shows the fill shortcut as the user has it, and nothing when it is unset', async () => {
    renderPopup({ profiles: [ACME] }, { fillShortcut: async () => 'Ctrl+Shift+9' });
    const button = await screen.findByRole('button', { name: 'Fill this page' });
    await waitFor(() => expect(button.getAttribute('aria-keyshortcuts')).toBe('Ctrl+Shift+9'));
    expect(screen.getByText('Ctrl+Shift+9').localName).toBe('kbd');
    cleanup();
    renderPopup({ profiles: [ACME] }, { fillShortcut: async () => undefined });
    const unset = await screen.findByRole('button', { name: 'Fill this page' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(unset.hasAttribute('aria-keyshortcuts')).toBe(false);
    expect(screen.queryByText(/On the page:/)).toBeNull();
  });

  it('stays open and says why when the page has no bank form', async () => {
    const message = "No bank form on this page. Open the importer's ACH Refund Authorization tab.";
    const { opened } = renderPopup({ profiles: [ACME], openPicker: { opened: false, message } });
    fireEvent.click(await screen.findByRole('button', { name: 'Fill this page' }));
    expect((await screen.findByText(message)).getAttribute('role')).toBe('alert');
    expect(opened).toEqual([]);
    expect(screen.getByRole('button', { name: 'Fill this page' }).getAttribute('aria-describedby')).toBe('fill-page-message');
  });
});
