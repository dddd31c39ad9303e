/**
 * The two requests every opening of the popup starts with: the vault's state and the first page
 * of the profile list (and the one the status page starts with: its rows). A small script of
 * their own (entrypoints/popup-first-requests.ts, status-first-requests.ts) sends them the moment
 * the page starts loading, before the page's own code has been loaded and evaluated, so that a
 * stopped service worker starts (and the background works) meanwhile; the page then takes their
 * answers instead of asking again (`withFirstReplies`) and reads them through the protocol's
 * schemas like any other answer (send-request.ts). The background checks them like any other
 * message. No zod here and no other import: this module is all that small script holds.
 */

/** Rows per page of the popup's list (also what the background keeps ready: profile-list-head.ts). */
export const PROFILE_PAGE_SIZE = 50;

export const FIRST_REQUESTS = [
  { type: 'vault/status', payload: {} },
  { type: 'profiles/list', payload: { query: '', offset: 0, limit: PROFILE_PAGE_SIZE } },
] as const;

/** status.html's one first request: every importer's row (the vault must be unlocked). */
export const STATUS_FIRST_REQUESTS = [{ type: 'enrollment/list', payload: {} }] as const;

/** The answers on their way, by the message they answer (as JSON). */
export type FirstReplies = Map<string, Promise<unknown>>;

/** Where the small script leaves the answers for the page's code (one page: its own). */
const SLOT = '__aceAchFirstReplies';

type Send = (message: unknown) => Promise<unknown>;

/** Sends the first requests (the popup's unless told) and leaves their answers for `takeFirstReplies`. */
export function sendFirstRequests(
  send: Send,
  slot: Record<string, unknown> = globalThis as unknown as Record<string, unknown>,
  requests: readonly unknown[] = FIRST_REQUESTS,
): void {
  const replies: FirstReplies = new Map();
  for (const message of requests) {
    const reply = send(message);
    // Whoever takes it handles a failure; nobody may take it at all.
    reply.catch(() => {});
    replies.set(JSON.stringify(message), reply);
  }
  slot[SLOT] = replies;
}

interface RuntimeGlobal {
  browser?: { runtime?: { sendMessage(message: unknown): Promise<unknown> } };
  chrome?: { runtime?: { sendMessage(message: unknown): Promise<unknown> } };
}

/** The small script's whole work: the browser's own runtime (no polyfill), then sendFirstRequests. */
export function sendPageFirstRequests(requests: readonly unknown[] = FIRST_REQUESTS): void {
  const scope = globalThis as unknown as RuntimeGlobal;
  // Firefox's own `browser` answers with promises; so does Chrome's `chrome` in Manifest V3.
  const runtime = scope.browser?.runtime ?? scope.chrome?.runtime;
  if (runtime) sendFirstRequests((message) => runtime.sendMessage(message), undefined, requests);
}

/** The answers the small script left, once (a later page load of the same page asks afresh). */
export function takeFirstReplies(slot: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): FirstReplies | undefined {
  const replies = slot[SLOT];
  delete slot[SLOT];
  return replies instanceof Map ? (replies as FirstReplies) : undefined;
}

/**
 * A transport that answers each first request once with the answer already on its way, and
 * sends everything else (and those again, e.g. after "Try again") through `send`.
 */
export function withFirstReplies(send: Send, replies: FirstReplies | undefined): Send {
  if (!replies || replies.size === 0) return send;
  return (message) => {
    const key = JSON.stringify(message);
    const reply = replies.get(key);
    if (!reply) return send(message);
    replies.delete(key);
    return reply;
  };
}
