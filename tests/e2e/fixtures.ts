/**
 * Playwright fixtures: one practice portal per worker, one fresh browser profile with the
 * built extension per test.
 */
import { test as base, type BrowserContext } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPortal } from '../fixtures/serve.mjs';
import { extensionIdOf, launchWithExtension } from '../support/launch-browser';

interface TestFixtures {
  /** The browser profile folder of this test: relaunch on it to test what survives a restart. */
  userDataDir: string;
  context: BrowserContext;
  extensionId: string;
}
interface WorkerFixtures {
  portalPort: number;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  portalPort: [
    async ({}, use) => {
      const portal = await startPortal();
      await use(portal.port);
      await portal.close();
    },
    { scope: 'worker' },
  ],
  userDataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'ace-ach-profile-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  context: async ({ portalPort, userDataDir }, use) => {
    const context = await launchWithExtension({ portalPort, userDataDir });
    await use(context);
    await context.close();
  },
  page: async ({ context }, use) => {
    await use(context.pages()[0] ?? (await context.newPage()));
  },
  extensionId: async ({ context }, use) => {
    await use(await extensionIdOf(context));
  },
});

export const expect = test.expect;

/** The practice portal's page for one variant, at the production ACE host. */
export function aceUrl(variant: string): string {
  return `https://ace.cbp.gov/s/importer/${variant}`;
}
