/**
 * Content script on the ACE Portal hosts, in every frame: finds the bank form, checks its fields
 * as the user types and shows what it finds beside them.
 */
import { browser } from 'wxt/browser';
import { ACE_MATCH_PATTERNS } from '@/utils/ace-hosts';
import { startPageAssistant } from '@/utils/content/assistant/page-assistant';

export default defineContentScript({
  matches: ACE_MATCH_PATTERNS,
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    startPageAssistant({
      doc: document,
      signal: ctx.signal,
      setTimeout: (callback, ms) => ctx.setTimeout(callback, ms),
      transport: (message) => browser.runtime.sendMessage(message),
      isTopFrame: window === window.top,
    });
  },
});
