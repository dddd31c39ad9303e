/**
 * page/assistant: a frame's detector found a bank form; the page assistant (a second content
 * script, kept out of what every ACE page parses) is injected into that frame, and into the tab's
 * top frame, which reads the importer the page shows. Injecting again into a frame that has it
 * only tells it that a form showed in the tab.
 */
import type { Handlers } from '@/utils/messaging/handle-request';

/** Runs the assistant script in one frame (browser.scripting); rejects where it cannot. */
export type AssistantScript = (tabId: number, frameId: number) => Promise<void>;

export function assistantScriptHandlers(inject: AssistantScript | undefined): Pick<Handlers, 'page/assistant'> {
  return {
    'page/assistant': async (_payload, _kind, { tabId, frameId }) => {
      if (!inject || tabId === undefined || frameId === undefined) return { loaded: false };
      try {
        await inject(tabId, frameId);
      } catch {
        return { loaded: false };
      }
      // The top frame may be another site's page embedding ACE, where we may not run: the form's frame still works.
      if (frameId !== 0) await inject(tabId, 0).catch(() => {});
      return { loaded: true };
    },
  };
}
