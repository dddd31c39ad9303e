/**
 * The other-importer question in our own window (opened by the background where the browser
 * cannot tell whether the ACE page shows our UI). Not web-accessible: no page can frame it. Its
 * question's id comes in the address's fragment.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ConfirmImporterApp } from '@/components/confirm/ConfirmImporterApp';
import '@/components/base.css';
import '@/components/shared/panel.css';

render(
  <ConfirmImporterApp id={location.hash.slice(1)} transport={(message) => browser.runtime.sendMessage(message)} close={() => window.close()} />,
  document.getElementById('app')!,
);
