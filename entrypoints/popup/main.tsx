/** Popup entry: the profile manager, wired to the real background and options page. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '@/components/popup/PopupApp';
import type { PopupServices } from '@/components/popup/popup-services';
import { FILL_COMMAND } from '@/utils/messaging/fill-command';
import { takeFirstReplies, withFirstReplies } from '@/utils/messaging/first-requests';
import '@/components/base.css';
import '@/components/popup/popup.css';

const services: PopupServices = {
  // The first requests went out from popup-first-requests.js while this code loaded.
  transport: withFirstReplies((message) => browser.runtime.sendMessage(message), takeFirstReplies()),
  openOptions: () => void browser.runtime.openOptionsPage(),
  openStatus: () => void browser.tabs.create({ url: browser.runtime.getURL('/status.html') }),
  closePopup: () => window.close(),
  fillShortcut: async () => (await browser.commands?.getAll())?.find((command) => command.name === FILL_COMMAND)?.shortcut || undefined,
};

render(<PopupApp services={services} />, document.getElementById('app')!);
