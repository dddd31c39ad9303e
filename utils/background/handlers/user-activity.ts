/**
 * page/user-activity: the content script saw the user's own key press, paste or click on the
 * bank form or our UI. Nothing to answer; the receiver counts it as activity for auto-lock
 * (auto-lock-activity.ts).
 */
import type { Handlers } from '@/utils/messaging/handle-request';

export function userActivityHandlers(): Pick<Handlers, 'page/user-activity'> {
  return { 'page/user-activity': async () => ({ done: true }) };
}
