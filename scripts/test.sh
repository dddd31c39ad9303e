#!/usr/bin/env bash
# The one test command (README, .ci/run): sets up, type-checks, runs the unit tests, builds
# both browsers' extensions, lints the Firefox build, runs the e2e tests in the real Chromium
# and in the real Firefox ESR, and ends with one line "N passed, N failed" over every suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

rm -rf test-results && mkdir -p test-results
npm run --silent typecheck
npm run --silent build
npm run --silent build:firefox
npm run --silent lint:firefox
node scripts/check-manifest.mjs

status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json || status=1
npx playwright test || status=1
npx vitest run --config vitest.firefox.config.ts --reporter=default --reporter=json --outputFile.json=test-results/firefox.json || status=1
node scripts/summarize-results.mjs test-results/unit.json test-results/e2e.json test-results/firefox.json || status=1
exit $status
