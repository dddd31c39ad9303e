import { defineConfig } from 'vitest/config';

/**
 * The e2e tests in the real Firefox ESR (tests/firefox), driven by puppeteer-core over WebDriver
 * BiDi. One browser per file, files one after another: the machine has two cores.
 */
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
