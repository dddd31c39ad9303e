/**
 * Launches Debian's Firefox ESR (`firefox-esr`) through puppeteer-core over WebDriver BiDi, with
 * the Firefox build installed as a temporary add-on and the ACE hosts answered by the practice
 * portal at their production addresses (https, port 443, no port in the URL), so the manifest's
 * match patterns apply unchanged. One browser serves a whole test file.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startPortal, type Portal } from '../../fixtures/serve.mjs';
import { MAPPED_HOSTS } from '../../support/launch-browser';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_PATH = resolve(import.meta.dirname, '../../..', process.env.ACE_ACH_OUT_DIR ?? '.output', 'firefox-mv2');
/** The add-on id of the Firefox build (wxt.config.ts, browser_specific_settings.gecko.id). */
export const ADDON_ID = 'ace-ach-assist@example.org';
/** Fixed through `extensions.webextensions.uuids`, so tests know the extension pages' addresses. */
export const EXTENSION_UUID = '6f1c7a3e-2b4d-4e8a-9c5f-0d1e2f3a4b5c';

export interface FirefoxRun {
  browser: Browser;
  portal: Portal;
  /** `moz-extension://<uuid>/<path>`. */
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<FirefoxRun> {
  if (!existsSync(resolve(FIREFOX_EXTENSION_PATH, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${FIREFOX_EXTENSION_PATH}: run \`npm run build:firefox\` first.`);
  }
  if (!existsSync(FIREFOX_PATH)) throw new Error(`No Firefox at ${FIREFOX_PATH}: run \`bash scripts/setup.sh\` first.`);
  const portal = await startPortal();
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      // Test profile only: the practice portal's certificate is self-signed.
      acceptInsecureCerts: true,
      // BiDi navigates only to http(s), file and blob addresses unless the client may reach
      // privileged pages; this lets the tests open the extension's own pages (popup, options).
      args: ['--remote-allow-system-access'],
      defaultViewport: { width: 1280, height: 800 },
      protocolTimeout: 60_000,
      extraPrefsFirefox: {
        // The ACE hosts (and the test hosts) resolve to this machine, and every connection to
        // port 443 goes to the portal's port instead: pages load as https://ace.cbp.gov/... .
        'network.dns.localDomains': MAPPED_HOSTS.join(','),
        'network.socket.forcePort': `443=${portal.port}`,
        'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
        // No network here: no look-ups of Mozilla's services.
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        'browser.safebrowsing.update.enabled': false,
        'extensions.update.enabled': false,
      },
    });
    const id = await browser.installExtension(FIREFOX_EXTENSION_PATH);
    if (id !== ADDON_ID) throw new Error(`installed ${id}, expected ${ADDON_ID}`);
  } catch (error) {
    await browser?.close().catch(() => {});
    await portal.close();
    throw error;
  }
  const launched = browser;
  return {
    browser: launched,
    portal,
    extensionUrl: (path) => `moz-extension://${EXTENSION_UUID}/${path}`,
    async close() {
      await launched.close().catch(() => {});
      await portal.close();
    },
  };
}

/** The practice portal's page for one variant, at the production ACE host. */
export function aceUrl(variant: string): string {
  return `https://ace.cbp.gov/s/importer/${variant}`;
}

/** A fresh tab (each test starts from one). */
export async function newTab(run: FirefoxRun): Promise<Page> {
  return run.browser.newPage();
}
