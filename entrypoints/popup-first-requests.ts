/**
 * popup.html's first script, before its stylesheets and the popup's own code: sends the vault's
 * state and the first page of the list at once (utils/messaging/first-requests.ts says why).
 * Kept to the few lines it needs: no browser polyfill, no schemas.
 */
import { sendPageFirstRequests } from '@/utils/messaging/first-requests';

export default defineUnlistedScript(() => sendPageFirstRequests());
