/**
 * Content script on the ACE Portal hosts, in every frame: finds the bank form, checks its fields
 * as the user types, shows what it finds beside them and fills them from a profile on request.
 */
import { browser } from 'wxt/browser';
import { ACE_MATCH_PATTERNS } from '@/utils/ace-hosts';
import { readAssistantCommand } from '@/utils/messaging/assistant-commands';
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
      extensionUrl: (path) => browser.runtime.getURL(path as '/picker.html'),
      onCommand(listener) {
        // The background's word only, and only its commands; answered so it knows who took one.
        const receive = (message: unknown, sender: { id?: string }) => {
          const command = sender.id === browser.runtime.id ? readAssistantCommand(message) : undefined;
          return command ? Promise.resolve({ handled: listener(command) }) : undefined;
        };
        browser.runtime.onMessage.addListener(receive);
        ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(receive));
      },
    });
  },
});
