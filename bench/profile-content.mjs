/**
 * Where the content script's time goes on the peerbench page (../shared/peerbench/page.mjs):
 * the same three phases as bench.mjs (load + 1.5 s, 200 inputs in 20 frames, 9 digits typed),
 * each under the CPU profiler, printing the extension's functions by self time.
 * Build first with readable names: ACE_ACH_MINIFY=off ACE_ACH_OUT_DIR=/tmp/ace-prof-out npx wxt build
 * Run: node bench/profile-content.mjs /tmp/ace-prof-out/chrome-mv3 [runs]   (TOP=N: how many functions per phase, 25)
 */
import { createServer } from 'node:https';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
const peerbench = process.env.PEERBENCH_DIR ?? new URL('../../shared/peerbench/', import.meta.url).pathname;
const { buildPage } = await import(join(peerbench, 'page.mjs'));
const ext = process.argv[2];
const { chromium } = createRequire(import.meta.url)('playwright-core');
const dir = mkdtempSync(join(tmpdir(), 'prof-'));
execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem'), '-subj', '/CN=ace.cbp.gov', '-addext', 'subjectAltName=DNS:ace.cbp.gov'], { stdio: 'ignore' });
const PAGE = buildPage();
const server = createServer({ key: readFileSync(join(dir, 'k.pem')), cert: readFileSync(join(dir, 'c.pem')) }, (req, res) => {
  if (req.url.startsWith('/s/bench')) { res.writeHead(200, { 'content-type': 'text/html' }); res.end(PAGE); } else { res.writeHead(404); res.end(); }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;
const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'profp-')), {
  executablePath: '/usr/bin/chromium', headless: true, ignoreDefaultArgs: ['--disable-extensions'], viewport: { width: 1280, height: 900 }, ignoreHTTPSErrors: true,
  args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, `--host-resolver-rules=MAP ace.cbp.gov 127.0.0.1:${port}, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1`, '--ignore-certificate-errors', '--no-sandbox', '--disable-gpu'],
});
await new Promise((r) => setTimeout(r, 1500));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function report(name, profile) {
  const self = new Map(); const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas; let total = 0, ours = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const n = byId.get(profile.samples[i]); const ms = (dt[i + 1] ?? 0) / 1000;
    const cf = n.callFrame; const url = cf.url;
    if (cf.functionName === '(idle)' || cf.functionName === '(program)') continue;
    total += ms;
    if (!url.startsWith('chrome-extension://') && !['(garbage collector)'].includes(cf.functionName)) continue;
    ours += ms;
    const key = `${cf.functionName || '(anon)'} ${url.split('/').pop()}:${cf.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + ms);
  }
  console.log(`== ${name}: busy ${total.toFixed(1)} ms, ours+gc ${ours.toFixed(1)} ms`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 25))) console.log(`  ${v.toFixed(2).padStart(7)}  ${k}`);
}
const runs = Number(process.argv[3] ?? 1);
for (let run = 0; run < runs; run++) {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(`https://ace.cbp.gov/s/bench`, { waitUntil: 'load' });
  await sleep(1500);
  report('load', (await cdp.send('Profiler.stop')).profile);
  await cdp.send('Profiler.start');
  await page.evaluate(() => window.__benchMutate(20, 10));
  await sleep(1000);
  report('mutation', (await cdp.send('Profiler.stop')).profile);
  await page.focus('#bank-routing'); await sleep(200);
  await cdp.send('Profiler.start');
  await page.keyboard.type('011000015', { delay: 60 });
  await sleep(500);
  report('typing', (await cdp.send('Profiler.stop')).profile);
  await page.close();
}
await ctx.close(); server.close();
