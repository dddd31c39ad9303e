/** Renders the whole popup against a fake background, as the tests see it. */
import { render } from '@testing-library/preact';
import { PopupApp } from '@/components/popup/PopupApp';
import type { PopupServices } from '@/components/popup/popup-services';
import { testPassphraseEstimator } from '../../support/passphrase-estimator';
import { createFakeBackground, type FakeBackground, type FakeBackgroundOptions } from './fake-background';

export const NOW = new Date('2026-03-01T12:00:00.000Z');

export function renderPopup(options: FakeBackgroundOptions = {}, extra: Partial<PopupServices> = {}) {
  const background: FakeBackground = createFakeBackground(options);
  const opened: string[] = [];
  const services: PopupServices = {
    transport: background.transport,
    openOptions: () => opened.push('options'),
    openStatus: () => opened.push('status'),
    closePopup: () => opened.push('closed'),
    now: () => NOW,
    passphraseEstimator: testPassphraseEstimator,
    ...extra,
  };
  const view = render(<PopupApp services={services} />);
  return { ...view, background, opened };
}
