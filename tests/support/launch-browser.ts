/**
 * Launches Debian's Chromium with the built extension, the ACE hosts (and the test-only other
 * hosts) mapped to the local practice portal. Shared by the e2e fixtures, the demo and benches.
 */
import { chromium, type BrowserContext } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_PATH = resolve(
  import.meta.dirname,
  '../..',
  process.env.ACE_ACH_OUT_DIR ?? '.output',
  'chrome-mv3',
);
/**
 * Hosts answered by the practice portal: the ACE hosts, a non-ACE host, a second origin and a
 * CBP host that is not ACE (where the picker must not load).
 */
export const MAPPED_HOSTS = ['ace.cbp.gov', 'ace.cbp.dhs.gov', 'example.test', 'other.test', 'www.cbp.gov'];

export interface LaunchOptions {
  portalPort: number;
  headless?: boolean;
  userDataDir?: string;
  extensionPath?: string;
}

export async function launchWithExtension(options: LaunchOptions): Promise<BrowserContext> {
  const extensionPath = options.extensionPath ?? EXTENSION_PATH;
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionPath}: run \`npm run build\` first.`);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: run \`bash scripts/setup.sh\` first.`);
  }
  const hostRules = [
    ...MAPPED_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${options.portalPort}`),
    // No network here: stop Chromium's own look-ups of other hosts.
    'MAP * ~NOTFOUND',
    'EXCLUDE 127.0.0.1',
  ].join(', ');
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'ace-ach-profile-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      `--host-resolver-rules=${hostRules}`,
      // Test profile only: the practice portal's certificate is self-signed.
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/** The extension's id, read from its background service worker's URL. */
export async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return new URL(worker.url()).host;
}
