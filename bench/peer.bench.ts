/**
 * The whole cost the page pays, beside a real peer: runs `../shared/peerbench/bench.mjs`
 * (PEERBENCH_DIR overrides) on what users install (a build without timing marks, made in its own
 * folder) beside the empty extension, and beside keepassxc-browser when its unpacked folder is
 * given (`--peer DIR` or KEEPASSXC_DIR; `../shared/peerbench/prepare-keepassxc.sh` makes it).
 * Other options go through to bench.mjs (`--runs 7`, `--json FILE`, `--verbose`).
 * Run: npm run bench:peer -- [--peer DIR] [--no-build]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const peerbench = resolve(process.env.PEERBENCH_DIR ?? join(root, '../shared/peerbench'));
if (!existsSync(join(peerbench, 'bench.mjs'))) {
  console.error(`No peerbench at ${peerbench}: set PEERBENCH_DIR.`);
  process.exit(2);
}

const args = process.argv.slice(2);
const peerAt = args.indexOf('--peer');
const peer = peerAt >= 0 ? args[peerAt + 1] : process.env.KEEPASSXC_DIR;
const passOn = args.filter((arg, index) => arg !== '--no-build' && index !== peerAt && index !== peerAt + 1);

const outDir = '/tmp/ace-peer-out';
if (!args.includes('--no-build')) {
  console.log(`Building the extension as users get it into ${outDir} …`);
  const { WXT_ACE_ACH_TIMING: _timing, ...env } = process.env;
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, env: { ...env, ACE_ACH_OUT_DIR: outDir }, encoding: 'utf8' });
  if (build.status !== 0) {
    console.error(build.stdout, build.stderr);
    process.exit(1);
  }
}
const extensions = [join(peerbench, 'empty'), ...(peer ? [resolve(peer)] : []), join(outDir, 'chrome-mv3')];
if (!peer) console.log('No peer given (--peer DIR or KEEPASSXC_DIR): ours beside the empty extension only.');
const run = spawnSync('node', [join(peerbench, 'bench.mjs'), ...extensions, '--runs', '7', ...passOn], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
