import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { OPTIONAL_HOST_PATTERNS } from './utils/background/optional-host-patterns';
import { ACE_MATCH_PATTERNS } from './utils/ace-hosts';
import { FILL_COMMAND, FILL_COMMAND_DESCRIPTION, FILL_COMMAND_KEYS } from './utils/messaging/fill-command';

/**
 * The content scripts use the browser's own `browser`/`chrome` (both answer with promises) instead
 * of webextension-polyfill, which WXT's module puts behind `wxt/browser` everywhere: 9.5 KB less
 * to parse in every ACE frame. Each content script is its own build, told apart by its input.
 */
function nativeBrowserApiInContentScripts(): Plugin {
  let contentScript = false;
  return {
    name: 'ace-ach:native-browser-api-in-content-scripts',
    enforce: 'pre',
    options(options) {
      contentScript = /\.content\.ts/.test(JSON.stringify(options.input ?? ''));
    },
    resolveId(source, importer) {
      if (!contentScript || (source !== 'wxt/browser' && source !== '@wxt-dev/webextension-polyfill/browser')) return null;
      return this.resolve('@wxt-dev/browser', importer, { skipSelf: true });
    },
  };
}

const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

// https://wxt.dev/api/config.html
export default defineConfig({
  // A second output folder lets a benchmark build without touching the one the tests load.
  outDir: process.env.ACE_ACH_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // ACE_ACH_MINIFY=off: readable function names in a CPU profile.
  vite: () => ({ plugins: [preact(), nativeBrowserApiInContentScripts()], ...(process.env.ACE_ACH_MINIFY === 'off' ? { build: { minify: false } } : {}) }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'ACE ACH Assist',
    description:
      "Checks and fills the bank details of the ACE Portal's ACH Refund Authorization tab.",
    // Host access: the ACE hosts (WXT lists the content scripts' matches; the page assistant is
    // injected there), plus CBP hosts the user grants at run time (a training environment).
    // storage: storage.session holds the unlocked vault key; alarms: the auto-lock check;
    // scripting: the content script on those extra hosts, the page assistant where a form shows.
    permissions: ['storage', 'alarms', 'scripting'],
    // Drawn in assets/icons/, rendered by scripts/render-icons.ts.
    icons: ICONS,
    ...(manifestVersion === 2 ? { browser_action: { default_icon: ICONS } } : { action: { default_icon: ICONS } }),
    // Manifest V2 (the Firefox build) lists optional hosts among the optional permissions.
    ...(manifestVersion === 2
      ? { optional_permissions: OPTIONAL_HOST_PATTERNS }
      : { optional_host_permissions: OPTIONAL_HOST_PATTERNS }),
    // The profile picker opens in an iframe on ACE pages (extra hosts included), so page scripts
    // cannot read it. MV3: only at its dynamic address (a fresh random id per browser session,
    // which runtime.getURL gives our content script), so no page can probe the fixed
    // chrome-extension://<id>/picker.html to detect the extension; `matches` cannot follow the
    // hosts granted at run time, so it lists every host that may be granted.
    web_accessible_resources:
      manifestVersion === 2
        ? ['picker.html']
        : [{ resources: ['picker.html'], matches: [...ACE_MATCH_PATTERNS, ...OPTIONAL_HOST_PATTERNS], use_dynamic_url: true }],
    // Chrome: no other extension and no web page may message or connect to us (Firefox has no
    // such key and lets no one in anyway). The managed settings' schema (public/) is Chrome's
    // only: Firefox reads its policies.json "3rdparty" section without one.
    ...(browser === 'firefox' ? {} : { externally_connectable: { ids: [] }, storage: { managed_schema: 'managed_schema.json' } }),
    commands: {
      [FILL_COMMAND]: { suggested_key: { default: FILL_COMMAND_KEYS }, description: FILL_COMMAND_DESCRIPTION },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'ace-ach-assist@example.org',
              // ESR 140, the first to read data_collection_permissions (see README, "Firefox").
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  // The sources zip (Firefox add-on review) holds what rebuilds the extension: `npm ci` then
  // `npm run build:firefox`. Tests, benchmarks, tools and screenshots are left out.
  zip: {
    excludeSources: [
      'tests/**', 'bench/**', 'demo-screenshots/**', '.ci/**', 'scripts/**', 'docs/screenshots/**',
      'test-results/**', 'playwright-report/**', 'playwright.config.ts', 'vitest.config.ts', 'web-ext.config.ts',
    ],
  },
});
