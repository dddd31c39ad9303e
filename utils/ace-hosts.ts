/**
 * The one list of ACE Portal hosts. The manifest's match patterns, the background's sender
 * checks and the content script's own origin check all read it, so a host is added in one place.
 */
export const ACE_HOSTS = ['ace.cbp.gov', 'ace.cbp.dhs.gov'] as const;

export const ACE_MATCH_PATTERNS: string[] = ACE_HOSTS.map((host) => `https://${host}/*`);

/** True for an https URL whose host is one of the ACE hosts (or one of `extraHosts`). */
export function isAceUrl(url: string | undefined, extraHosts: readonly string[] = []): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  const host = parsed.hostname.toLowerCase();
  return (ACE_HOSTS as readonly string[]).includes(host) || extraHosts.includes(host);
}
