// @vitest-environment happy-dom
/**
 * What every ACE frame runs before any bank form shows (page-watch.ts): the detector only. It
 * asks for the page assistant once, when a form shows; says where the picker can open
 * (page/form); and a command that arrives while the assistant loads waits for it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssistantCommand } from '@/utils/messaging/assistant-commands';
import { startPageWatch, type PageWatch } from '@/utils/content/page-watch';

const FORM = `<label for="r">Bank Routing Number</label><input id="r">
  <label for="a">Bank Account Number</label><input id="a">`;

let controller: AbortController;
let sent: { type: string; payload: unknown }[];
let loads: number;
let command: ((command: AssistantCommand) => Promise<boolean>) | undefined;

function start(): PageWatch {
  return startPageWatch({
    doc: document,
    signal: controller.signal,
    setTimeout: (callback, ms) => setTimeout(callback, Math.min(ms, 20)),
    transport: async (message) => {
      sent.push(message as { type: string; payload: unknown });
      return { ok: true, data: { done: true } };
    },
    isTopFrame: true,
    extensionUrl: (path) => `chrome-extension://test${path}`,
    onCommand: (listener) => (command = listener),
    detection: { isVisible: () => true, afterLayout: (callback) => callback(), batchDelayMs: 0 },
    loadAssistant: () => loads++,
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

beforeEach(() => {
  controller = new AbortController();
  sent = [];
  loads = 0;
  command = undefined;
});
afterEach(() => {
  controller.abort();
  document.body.replaceChildren();
});

describe('page watch', () => {
  it('asks for nothing on a page without a bank form, and takes no command', async () => {
    document.body.innerHTML = '<label for="x">Entry Number</label><input id="x">';
    start();
    await settle();
    expect(loads).toBe(0);
    expect(sent).toEqual([]);
    expect(await command!({ type: 'ace-ach/open-picker' })).toBe(false);
  });

  it('asks for the assistant once when a form shows later, and says the frame has a form', async () => {
    start();
    document.body.innerHTML = FORM;
    await settle();
    document.body.insertAdjacentHTML('beforeend', '<label for="n">Bank Name</label><input id="n">');
    await settle();
    expect(loads).toBe(1);
    expect(sent).toEqual([{ type: 'page/form', payload: { present: true } }]);
  });

  it('holds a command that arrives while the assistant loads, and hands it over once it is there', async () => {
    document.body.innerHTML = FORM;
    const watch = start();
    await settle();
    const answer = command!({ type: 'ace-ach/open-picker' });
    const taken: AssistantCommand[] = [];
    watch.onCommand((received) => taken.push(received) > 0);
    expect(await answer).toBe(true);
    expect(taken).toEqual([{ type: 'ace-ach/open-picker' }]);
  });

  it('gives the form to the assistant as it is when it takes over, then each change', async () => {
    document.body.innerHTML = FORM;
    const watch = start();
    await settle();
    const forms: (number | null)[] = [];
    watch.followForm((form) => forms.push(form ? form.fields.length : null));
    document.body.replaceChildren();
    await settle();
    expect(forms).toEqual([2, null]);
    expect(sent.at(-1)).toEqual({ type: 'page/form', payload: { present: false } });
  });
});
