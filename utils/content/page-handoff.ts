/**
 * The hand-over from the every-page script (entrypoints/ace.content.ts) to the page assistant
 * script the background injects later (entrypoints/ace-assistant.content.ts). Both run in this
 * frame's isolated world, whose global object page scripts cannot reach, so a property of it is
 * ours alone. An extension update leaves the old scripts' world behind: the newest offer wins
 * and an aborted page is never taken over.
 */
import type { PageWatch } from './page-watch';

const HANDOFF_KEY = '__aceAchAssistPage';

interface Handoff {
  readonly watch: PageWatch;
  assistant?: { formInTab(): void };
}

type HandoffGlobal = typeof globalThis & { [HANDOFF_KEY]?: Handoff };

export function offerPage(watch: PageWatch): void {
  (globalThis as HandoffGlobal)[HANDOFF_KEY] = { watch };
}

/** Starts the assistant on the offered page; an assistant already running hears that a form showed in the tab. */
export function takePage(start: (watch: PageWatch) => { formInTab(): void }): void {
  const handoff = (globalThis as HandoffGlobal)[HANDOFF_KEY];
  if (!handoff || handoff.watch.signal.aborted) return;
  if (handoff.assistant) handoff.assistant.formInTab();
  else handoff.assistant = start(handoff.watch);
}
