import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'ACE ACH Assist',
    description:
      "Checks and fills the bank details of the ACE Portal's ACH Refund Authorization tab.",
    // Host access comes only from the content script's ACE match patterns.
    permissions: [],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'ace-ach-assist@example.org',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  zip: {
    excludeSources: ['tests/**', 'bench/**', 'demo-screenshots/**', '.ci/**', 'scripts/**'],
  },
});
