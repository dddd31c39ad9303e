import { render } from 'preact';
import { browser } from 'wxt/browser';
import { downloadText } from '@/components/shared/download-file';
import { browserHostPermissions } from '@/components/options/host-permissions';
import { createImportWorker } from '@/components/options/import-worker';
import { OptionsApp } from '@/components/options/OptionsApp';
import '@/components/base.css';
import '@/components/options/options.css';

render(
  <OptionsApp
    services={{
      transport: (message) => browser.runtime.sendMessage(message),
      permissions: browserHostPermissions,
      download: downloadText,
      importWorker: createImportWorker,
    }}
  />,
  document.getElementById('app')!,
);
