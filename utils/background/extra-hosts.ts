/**
 * Which extra ACE hosts a user may add at run time (e.g. a training environment such as
 * ace-test.cbp.gov): only CBP hosts, the ones the manifest's optional host permissions cover.
 * Pure, so the options page can check an entry before asking the browser for the permission.
 */
import { ACE_HOSTS } from '@/utils/ace-hosts';
import { OPTIONAL_HOST_PATTERNS } from './optional-host-patterns';

export { OPTIONAL_HOST_PATTERNS };

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const CBP_HOST = new RegExp(`^(?:${LABEL}\\.)+cbp(?:\\.dhs)?\\.gov$`);

/** The host in canonical form (lower case, no trailing dot), or undefined when not allowed. */
export function normaliseExtraHost(entry: string): string | undefined {
  const host = entry.trim().toLowerCase().replace(/\.$/, '');
  if (host.length > 253 || !CBP_HOST.test(host)) return undefined;
  return host;
}

/** The origin pattern to request from browser.permissions and to register scripts for. */
export function extraHostPattern(host: string): string {
  return `https://${host}/*`;
}

export type ExtraHostsCheck = { ok: true; hosts: string[] } | { ok: false; rejected: string[] };

/** Normalised, deduplicated, built-in hosts left out (they need no extra permission). */
export function checkExtraHosts(entries: readonly string[]): ExtraHostsCheck {
  const hosts: string[] = [];
  const rejected: string[] = [];
  for (const entry of entries) {
    const host = normaliseExtraHost(entry);
    if (!host) rejected.push(entry);
    else if (!hosts.includes(host) && !(ACE_HOSTS as readonly string[]).includes(host)) hosts.push(host);
  }
  return rejected.length ? { ok: false, rejected } : { ok: true, hosts };
}
