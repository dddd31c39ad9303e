/**
 * Checks what the user typed as an extra ACE host before the browser is asked for permission:
 * a host name under cbp.gov or cbp.dhs.gov (the manifest's optional host permissions), not a
 * built-in one, not already added. A pasted URL is reduced to its host. Pure.
 */
import { ACE_HOSTS } from '@/utils/ace-hosts';
import { extraHostPattern, normaliseExtraHost } from '@/utils/background/extra-hosts';

export type ExtraHostEntry = { readonly ok: true; readonly host: string } | { readonly ok: false; readonly message: string };

function hostOf(entry: string): string {
  const trimmed = entry.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return trimmed;
  try {
    return new URL(trimmed).hostname;
  } catch {
    return trimmed;
  }
}

export function checkExtraHostEntry(entry: string, added: readonly string[]): ExtraHostEntry {
  if (entry.trim().length === 0) return { ok: false, message: 'Enter a host name, such as ace-test.cbp.gov.' };
  const host = normaliseExtraHost(hostOf(entry));
  if (!host) {
    return {
      ok: false,
      message:
        'Enter a host name ending in .cbp.gov or .cbp.dhs.gov, such as ace-test.cbp.gov: only ACE Portal hosts can be added.',
    };
  }
  if ((ACE_HOSTS as readonly string[]).includes(host)) return { ok: false, message: `${host} is built in; it needs no adding.` };
  if (added.includes(host)) return { ok: false, message: `${host} is already in the list.` };
  return { ok: true, host };
}

/** The origin pattern asked of browser.permissions: the background registers scripts for the same one. */
export const hostOrigin: (host: string) => string = extraHostPattern;
