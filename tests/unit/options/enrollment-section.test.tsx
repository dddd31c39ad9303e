// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '@/components/options/OptionsApp';
import { fakeBackground } from './fake-background';

afterEach(cleanup);

async function renderLoaded(background = fakeBackground()) {
  render(<OptionsApp services={background.services} />);
  await waitFor(() => expect((screen.getByLabelText('Ask to re-verify after (days)') as HTMLInputElement).value).toBe('180'));
  return background;
}

describe('Enrollment status section', () => {
  it('links the status page', async () => {
    await renderLoaded();
    const section = screen.getByRole('region', { name: 'Enrollment status' });
    const link = screen.getByRole('link', { name: 'Open the enrollment status page' });
    expect(section.contains(link)).toBe(true);
    expect(link.getAttribute('href')).toBe('/status.html');
  });

  it('saves the re-verify days, refusing values outside 1–3650', async () => {
    const background = await renderLoaded();
    const days = screen.getByLabelText('Ask to re-verify after (days)') as HTMLInputElement;
    expect(days.min).toBe('1');
    expect(days.max).toBe('3650');
    const save = screen.getByRole('button', { name: 'Save re-verify days' });
    for (const bad of ['0', '3651', '2.5', '', 'ten']) {
      fireEvent.input(days, { target: { value: bad } });
      fireEvent.click(save);
      await screen.findByText('Enter a whole number of days from 1 to 3650 (10 years).');
      expect(days.getAttribute('aria-invalid')).toBe('true');
    }
    expect(background.sentOf('settings/set')).toHaveLength(0);
    fireEvent.input(days, { target: { value: '90' } });
    fireEvent.click(save);
    await screen.findByText('Saved: an importer verified more than 90 days ago is asked to be verified again.');
    expect(background.sentOf('settings/set').map((request) => request.payload)).toEqual([{ reverifyDays: 90 }]);
    expect(background.settings().reverifyDays).toBe(90);
    expect(days.getAttribute('aria-invalid')).toBe('false');
  });

  it('sends nothing when the days did not change', async () => {
    const background = await renderLoaded();
    fireEvent.click(screen.getByRole('button', { name: 'Save re-verify days' }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(background.sentOf('settings/set')).toHaveLength(0);
  });
});
