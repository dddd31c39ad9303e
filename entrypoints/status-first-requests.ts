/**
 * status.html's first script, before its stylesheet and the page's own code: asks for the rows at
 * once, so that the background builds them while the page's code loads (see
 * utils/messaging/first-requests.ts). Kept to the few lines it needs: no browser polyfill, no schemas.
 */
import { sendFirstRequests, STATUS_FIRST_REQUESTS } from '@/utils/messaging/first-requests';

interface RuntimeGlobal {
  browser?: { runtime?: { sendMessage(message: unknown): Promise<unknown> } };
  chrome?: { runtime?: { sendMessage(message: unknown): Promise<unknown> } };
}

export default defineUnlistedScript(() => {
  const scope = globalThis as unknown as RuntimeGlobal;
  // Firefox's own `browser` answers with promises; so does Chrome's `chrome` in Manifest V3.
  const runtime = scope.browser?.runtime ?? scope.chrome?.runtime;
  if (runtime) sendFirstRequests((message) => runtime.sendMessage(message), undefined, STATUS_FIRST_REQUESTS);
});
