// Lints the Firefox build with web-ext (offline) and fails on any error or warning, except
// Preact's own innerHTML assignment (dangerouslySetInnerHTML support, unused by our code).
import { execFileSync } from 'node:child_process';

const out = execFileSync(
  'npx',
  ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--output', 'json', '--boring'],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
);
const report = JSON.parse(out.slice(out.indexOf('{')));
const known = (w) => w.code === 'UNSAFE_VAR_ASSIGNMENT' && /^chunks\//.test(w.file ?? '');
const findings = [...report.errors, ...report.warnings.filter((w) => !known(w))];
for (const f of findings) console.log(`${f.code} ${f.file ?? ''}:${f.line ?? ''} ${f.message}`);
console.log(`web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings (${findings.length} not known)`);
process.exit(findings.length ? 1 : 0);
