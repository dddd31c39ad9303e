/**
 * The extension as the benches measure it: built into its own folder (the tests' `.output` stays
 * as it is) with the timing marks on (`WXT_ACE_ACH_TIMING=on`), which builds for users leave out.
 * `--no-build` reuses what is there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function benchBuild(defaultDir: string): string {
  const outDir = resolve(import.meta.dirname, '..', process.env.ACE_ACH_OUT_DIR ?? defaultDir);
  const extensionPath = join(outDir, 'chrome-mv3');
  if (!process.argv.includes('--no-build')) {
    console.log(`Building the extension with timing marks into ${outDir} …`);
    const build = spawnSync('npx', ['wxt', 'build'], {
      cwd: resolve(import.meta.dirname, '..'),
      env: { ...process.env, ACE_ACH_OUT_DIR: outDir, WXT_ACE_ACH_TIMING: 'on' },
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    if (build.status !== 0) {
      console.error(build.stdout, build.stderr);
      console.error('The build failed; fix it, or run with --no-build on an existing bench build.');
      process.exit(1);
    }
  } else if (!existsSync(join(extensionPath, 'manifest.json'))) {
    console.error(`No build at ${extensionPath}: drop --no-build.`);
    process.exit(1);
  }
  return extensionPath;
}
