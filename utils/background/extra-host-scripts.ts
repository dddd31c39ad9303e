/**
 * Runs the ACE content script on the extra hosts the user added (and granted) at run time, by
 * registering the manifest's own content script file for them with browser.scripting. Does
 * nothing where that API is missing (Firefox MV2 builds without it), so the rest still works.
 */
import { extraHostPattern } from './extra-hosts';

export const EXTRA_HOSTS_SCRIPT_ID = 'ace-extra-hosts';

/** The parts of browser.scripting / browser.permissions this needs; any may be absent. */
export interface ScriptRegistrationApis {
  readonly scripting?: {
    registerContentScripts?(scripts: RegisteredScript[]): Promise<unknown>;
    unregisterContentScripts?(filter?: { ids?: string[] }): Promise<unknown>;
    getRegisteredContentScripts?(filter?: { ids?: string[] }): Promise<{ id: string; matches?: string[]; js?: string[] }[]>;
  };
  readonly permissions?: { contains?(permissions: { origins?: string[] }): Promise<boolean> };
  /** The manifest's first content script's files: the ACE content script. */
  readonly contentScriptFiles: () => string[];
}

export interface RegisteredScript {
  id: string;
  matches: string[];
  js: string[];
  allFrames: boolean;
  runAt: 'document_idle';
  persistAcrossSessions: boolean;
}

/**
 * Makes the registration match `hosts`: only hosts whose permission is granted are included
 * (a script registered without it would never run, or fail to register). Answers the hosts
 * registered, or undefined when the browser offers no way to register.
 */
export async function syncExtraHostScripts(
  apis: ScriptRegistrationApis,
  hosts: readonly string[],
): Promise<string[] | undefined> {
  const scripting = apis.scripting;
  if (!scripting?.registerContentScripts || !scripting.unregisterContentScripts || !scripting.getRegisteredContentScripts) {
    return undefined;
  }
  const granted: string[] = [];
  for (const host of hosts) {
    const origins = [extraHostPattern(host)];
    if (!apis.permissions?.contains || (await apis.permissions.contains({ origins }))) granted.push(host);
  }
  const js = apis.contentScriptFiles();
  const matches = granted.map(extraHostPattern);
  const existing = await scripting.getRegisteredContentScripts({ ids: [EXTRA_HOSTS_SCRIPT_ID] });
  // Already as wanted (the usual case at each worker start): leave it, so no page loading in
  // between misses the script.
  const current = existing[0];
  if (current && sameItems(current.matches, matches) && sameItems(current.js, js) && matches.length > 0) return granted;
  if (existing.length > 0) await scripting.unregisterContentScripts({ ids: [EXTRA_HOSTS_SCRIPT_ID] });
  if (granted.length === 0 || js.length === 0) return [];
  await scripting.registerContentScripts([
    {
      id: EXTRA_HOSTS_SCRIPT_ID,
      matches,
      js,
      allFrames: true,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
  return granted;
}

function sameItems(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return a !== undefined && a.length === b.length && a.every((item) => b.includes(item));
}
