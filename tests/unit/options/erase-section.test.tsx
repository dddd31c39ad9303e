// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '@/components/options/OptionsApp';
import { RequestError } from '@/utils/messaging/request-error';
import { DEFAULT_TEST_SETTINGS, fakeBackground } from './fake-background';

afterEach(cleanup);

/** A background holding an extra host until data/erase, which `fail` makes throw. */
function backgroundWithData(fail = false) {
  let erased = false;
  return fakeBackground({
    'settings/get': async () => (erased ? DEFAULT_TEST_SETTINGS : { ...DEFAULT_TEST_SETTINGS, autoLockMinutes: 5, extraHosts: ['ace-test.cbp.gov'] }),
    'data/erase': async () => {
      if (fail) throw new RequestError('locked', 'The database is busy.');
      erased = true;
      return { done: true as const };
    },
  });
}

async function renderLoaded(background: ReturnType<typeof fakeBackground>) {
  render(<OptionsApp services={background.services} />);
  await screen.findByRole('button', { name: 'Remove ace-test.cbp.gov' });
  return within(screen.getByRole('region', { name: 'Erase all data' }));
}

describe('Erase all data', () => {
  it('stays disabled until the exact word is typed', async () => {
    const background = backgroundWithData();
    const section = await renderLoaded(background);
    const button = section.getByRole('button', { name: 'Erase all data' }) as HTMLButtonElement;
    const input = section.getByLabelText('Type ERASE to confirm');
    expect(button.disabled).toBe(true);
    for (const almost of ['erase', 'ERAS', 'ERASE ', ' ERASE', 'ERASED']) {
      fireEvent.input(input, { target: { value: almost } });
      expect({ almost, disabled: button.disabled }).toEqual({ almost, disabled: true });
    }
    fireEvent.submit(button.closest('form')!);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(background.sentOf('data/erase')).toHaveLength(0);
    fireEvent.input(input, { target: { value: 'ERASE' } });
    expect(button.disabled).toBe(false);
  });

  it('erases through the background, gives back the extra hosts and shows the page as new', async () => {
    const background = backgroundWithData();
    const section = await renderLoaded(background);
    expect(background.sentOf('data/erase')).toHaveLength(0);
    fireEvent.input(section.getByLabelText('Type ERASE to confirm'), { target: { value: 'ERASE' } });
    fireEvent.click(section.getByRole('button', { name: 'Erase all data' }));
    await section.findByText(/^All data erased\./);
    expect(background.sentOf('data/erase').map((request) => request.payload)).toEqual([{ confirmation: 'ERASE' }]);
    expect(background.permissions.remove).toHaveBeenCalledWith(['https://ace-test.cbp.gov/*']);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove ace-test.cbp.gov' })).toBeNull());
    await waitFor(() => expect((screen.getByLabelText('Lock after minutes of inactivity') as HTMLInputElement).value).toBe('15'));
    expect((section.getByLabelText('Type ERASE to confirm') as HTMLInputElement).value).toBe('');
  });

  it('says what went wrong and keeps the hosts when the background fails', async () => {
    const background = backgroundWithData(true);
    const section = await renderLoaded(background);
    fireEvent.input(section.getByLabelText('Type ERASE to confirm'), { target: { value: 'ERASE' } });
    fireEvent.click(section.getByRole('button', { name: 'Erase all data' }));
    await section.findByText('The database is busy.');
    expect(background.permissions.remove).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Remove ace-test.cbp.gov' })).toBeTruthy();
  });

  it('links the privacy notice the build makes from PRIVACY.md', async () => {
    await renderLoaded(backgroundWithData());
    expect(screen.getByRole('link', { name: 'privacy notice' }).getAttribute('href')).toBe('/privacy.html');
  });
});
