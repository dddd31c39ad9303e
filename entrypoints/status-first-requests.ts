/**
 * status.html's first script, before its stylesheet and the page's own code: asks for the rows at
 * once, so that the background builds them while the page's code loads (see
 * utils/messaging/first-requests.ts). Kept to the few lines it needs: no browser polyfill, no schemas.
 */
import { sendPageFirstRequests, STATUS_FIRST_REQUESTS } from '@/utils/messaging/first-requests';

export default defineUnlistedScript(() => sendPageFirstRequests(STATUS_FIRST_REQUESTS));
