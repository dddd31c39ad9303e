/** The enrollment status page (status.html), opened from the popup and from Options. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { downloadText } from '@/components/shared/download-file';
import { StatusApp } from '@/components/status/StatusApp';
import { takeFirstReplies, withFirstReplies } from '@/utils/messaging/first-requests';
import '@/components/base.css';
import '@/components/status/status.css';

render(
  <StatusApp
    services={{
      // The rows' request went out from status-first-requests.js while this code loaded.
      transport: withFirstReplies((message) => browser.runtime.sendMessage(message), takeFirstReplies()),
      download: downloadText,
      print: () => window.print(),
    }}
  />,
  document.getElementById('app')!,
);
