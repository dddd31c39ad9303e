/**
 * popup.html's first script, before its stylesheets and the popup's own code: sends the vault's
 * state and the first page of the list at once (utils/messaging/first-requests.ts says why).
 * Kept to the few lines it needs: no browser polyfill, no schemas.
 */
import { sendFirstRequests } from '@/utils/messaging/first-requests';

interface RuntimeGlobal {
  browser?: { runtime?: { sendMessage(message: unknown): Promise<unknown> } };
  chrome?: { runtime?: { sendMessage(message: unknown): Promise<unknown> } };
}

export default defineUnlistedScript(() => {
  const scope = globalThis as unknown as RuntimeGlobal;
  // Firefox's own `browser` answers with promises; so does Chrome's `chrome` in Manifest V3.
  const runtime = scope.browser?.runtime ?? scope.chrome?.runtime;
  if (runtime) sendFirstRequests((message) => runtime.sendMessage(message));
});
