import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

export default defineConfig({
  // WxtVitest does not carry wxt.config's vite plugins over, so Preact's preset is added again.
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    // A timeout only ends a test that hangs; speed is measured by bench/. vitest's 5 s default
    // failed property tests (10,000 runs) by chance on a loaded two-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
