/** The enrollment status page (status.html), opened from the popup and from Options. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { downloadText } from '@/components/shared/download-file';
import { StatusApp } from '@/components/status/StatusApp';
import '@/components/base.css';
import '@/components/status/status.css';

render(
  <StatusApp
    services={{
      transport: (message) => browser.runtime.sendMessage(message),
      download: downloadText,
      print: () => window.print(),
    }}
  />,
  document.getElementById('app')!,
);
