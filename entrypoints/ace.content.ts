/**
 * Content script on the ACE Portal hosts, in every frame: watches for the bank form, and only
 * then has the background inject the page assistant (ace-assistant.content.ts), which checks the
 * fields as the user types, shows what it finds beside them and fills them on request.
 */
// The browser's own API, not webextension-polyfill (9.5 KB on every ACE frame): Chrome MV3 and
// Firefox both answer runtime.sendMessage with a promise, and a command's answer goes back
// through sendResponse, which both support.
import { browser } from '@wxt-dev/browser';
import { ACE_MATCH_PATTERNS } from '@/utils/ace-hosts';
import { readAssistantCommand } from '@/utils/messaging/assistant-commands';
import { sendContentRequest } from '@/utils/messaging/content-replies';
import { offerPage } from '@/utils/content/page-handoff';
import { startPageWatch } from '@/utils/content/page-watch';

export default defineContentScript({
  matches: ACE_MATCH_PATTERNS,
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    const transport = (message: unknown) => browser.runtime.sendMessage(message);
    const watch = startPageWatch({
      doc: document,
      signal: ctx.signal,
      setTimeout: (callback, ms) => ctx.setTimeout(callback, ms),
      transport,
      isTopFrame: window === window.top,
      extensionUrl: (path) => browser.runtime.getURL(path),
      loadAssistant: () => void sendContentRequest(transport, 'page/assistant', {}).catch(() => {}),
      onCommand(listener) {
        // The background's word only, and only its commands; answered so it knows who took one.
        const receive = (message: unknown, sender: { id?: string }, sendResponse: (answer: unknown) => void) => {
          const command = sender.id === browser.runtime.id ? readAssistantCommand(message) : undefined;
          if (!command) return false;
          void listener(command).then((handled) => sendResponse({ handled }));
          // The answer comes later: the page assistant may still be loading.
          return true;
        };
        browser.runtime.onMessage.addListener(receive);
        ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(receive));
      },
    });
    offerPage(watch);
  },
});
