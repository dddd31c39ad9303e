// Checks the built manifests against the least-privilege rule: each permission is one the
// built code calls, host access is the ACE hosts (the content script's, where the page assistant
// is injected on demand; plus optional CBP hosts the user grants),
// nothing is reachable from web pages or other extensions, and the picker only at its dynamic
// address (Chrome).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// Permission → a call the built code must contain for the permission to be justified.
const USES = {
  storage: /storage\.session/,
  alarms: /alarms\.(create|onAlarm)/,
  scripting: /registerContentScripts\(/,
  executeScript: /executeScript\(/,
};
const ACE = ['https://ace.cbp.dhs.gov/*', 'https://ace.cbp.gov/*'];
const OPTIONAL_HOSTS = ['https://*.cbp.gov/*', 'https://*.cbp.dhs.gov/*'];
const problems = [];

function builtCode(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js')) out.push(readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return out.join('\n');
}

/** "WxH" from a PNG's IHDR chunk, or undefined when the file is missing or not a PNG. */
function pngSize(path) {
  let bytes;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  if (bytes.length < 24 || bytes.toString('latin1', 1, 4) !== 'PNG') return undefined;
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

for (const dir of ['.output/chrome-mv3', '.output/firefox-mv2']) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const code = builtCode(dir);
  const say = (text) => problems.push(`${dir}: ${text}`);
  const isHost = (permission) => permission.includes('://');
  for (const permission of (manifest.permissions ?? []).filter((p) => !isHost(p))) {
    const use = USES[permission];
    if (!use) say(`permission "${permission}" is not on the allowed list`);
    else if (!use.test(code)) say(`permission "${permission}" is never used by the built code`);
  }
  // Host access: exactly the content script's ACE hosts, for injecting the page assistant there.
  const hosts = [...(manifest.host_permissions ?? []), ...(manifest.permissions ?? []).filter(isHost)];
  if (hosts.length && JSON.stringify([...hosts].sort()) !== JSON.stringify(ACE)) {
    say(`host permissions ${JSON.stringify(hosts)} are not exactly the ACE hosts`);
  }
  if (hosts.length && !USES.executeScript.test(code)) say('host permissions without the page assistant injection that needs them');
  const optional = [...(manifest.optional_host_permissions ?? []), ...(manifest.optional_permissions ?? [])];
  for (const host of optional) if (!OPTIONAL_HOSTS.includes(host)) say(`optional permission "${host}" is not a CBP host`);
  for (const script of manifest.content_scripts ?? []) {
    if (JSON.stringify([...script.matches].sort()) !== JSON.stringify(ACE)) {
      say(`content script matches ${JSON.stringify(script.matches)} are not exactly the ACE hosts`);
    }
  }
  const chrome = manifest.manifest_version === 3;
  // Chrome: externally_connectable exactly { ids: [] } (no extension, no web page may message us);
  // Firefox has no such key.
  const external = manifest.externally_connectable;
  if (chrome && JSON.stringify(external) !== JSON.stringify({ ids: [] })) {
    say(`externally_connectable ${JSON.stringify(external)} is not exactly { "ids": [] }: other extensions or web pages could message us`);
  }
  if (!chrome && external !== undefined) say('externally_connectable in the Firefox build');
  // The picker: the one web-accessible resource, only at its dynamic (per-session) address in Chrome.
  for (const entry of manifest.web_accessible_resources ?? []) {
    const resources = typeof entry === 'string' ? [entry] : entry.resources;
    if (JSON.stringify(resources) !== JSON.stringify(['picker.html'])) say(`web-accessible resources ${JSON.stringify(resources)} are not just picker.html`);
    if (!chrome) continue;
    if (entry.use_dynamic_url !== true) say('picker.html is web-accessible without use_dynamic_url: any matching page can probe its fixed address');
    for (const host of entry.matches ?? []) {
      if (!ACE.includes(host) && !OPTIONAL_HOSTS.includes(host)) say(`picker.html is web-accessible to "${host}", which is not an ACE or optional CBP host`);
    }
    if (entry.extension_ids) say('picker.html is web-accessible to other extensions');
  }
  // Icons: each store and toolbar size, a PNG of that size, for the extension and its button.
  const button = chrome ? manifest.action : manifest.browser_action;
  for (const [where, icons] of [['icons', manifest.icons], ['toolbar button default_icon', button?.default_icon]]) {
    for (const size of [16, 32, 48, 128]) {
      const file = icons?.[size];
      if (!file) say(`${where} has no ${size} px icon`);
      else if (pngSize(join(dir, file)) !== `${size}x${size}`) say(`${where} ${size}: ${file} is not a ${size}×${size} PNG`);
    }
  }
  if (/onMessageExternal\.addListener/.test(code)) say('the built code listens to onMessageExternal');
  // Timing marks are for bench builds (WXT_ACE_ACH_TIMING=on): what users install writes none.
  if (/performance\.(mark|measure)\b/.test(code)) say('the built code writes User Timing marks: build without WXT_ACE_ACH_TIMING for users');
  console.log(`${dir}: permissions ${JSON.stringify(manifest.permissions)}, optional ${JSON.stringify(optional)}`);
}
for (const problem of problems) console.log(`FAIL ${problem}`);
process.exit(problems.length ? 1 : 0);
