// @vitest-environment happy-dom
/**
 * The assistant's UI against clickjacking: its host carries our own style (inline and in the
 * closed root's :host rule); the Fill button is watched by an IntersectionObserver v2 (scripted
 * here as the browser would report) and a click while it is hidden opens nothing and says why;
 * the outlines of filled fields are drawn below the Fill button, never over it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAssistantUi, type AssistantUiHandlers } from '@/utils/content/assistant/assistant-ui';
import { HOST_INLINE_STYLE, HOST_STYLE } from '@/utils/content/host-style-guard';
import { UI_HOST_TAG } from '@/utils/content/ui-host';
import { captureUiRoot } from '../../support/ui-root';

type Report = { target: Element; isVisible: boolean };

class ScriptedObserver {
  static last: ScriptedObserver | undefined;
  readonly observed = new Set<Element>();
  constructor(readonly callback: (entries: Report[]) => void) {
    ScriptedObserver.last = this;
  }
  observe(element: Element) {
    this.observed.add(element);
  }
  unobserve(element: Element) {
    this.observed.delete(element);
  }
  disconnect() {}
}

class EntryV2 {
  get isVisible() {
    return false;
  }
}

let controller: AbortController;
let uiRoot: () => ShadowRoot | undefined;
let onFill: ReturnType<typeof vi.fn<AssistantUiHandlers['onFill']>>;

beforeEach(() => {
  controller = new AbortController();
  vi.stubGlobal('IntersectionObserver', ScriptedObserver);
  vi.stubGlobal('IntersectionObserverEntry', EntryV2);
  uiRoot = captureUiRoot();
});

afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
  document.documentElement.querySelector(UI_HOST_TAG)?.remove();
});

const frame = () => new Promise((resolve) => setTimeout(resolve, 40));

async function drawn() {
  onFill = vi.fn<AssistantUiHandlers['onFill']>();
  const handlers: AssistantUiHandlers = { onChoose() {}, onChooseImporter() {}, onUnlock() {}, onFill };
  const ui = createAssistantUi(document, UI_HOST_TAG, controller.signal, handlers, (callback, ms) => setTimeout(callback, ms));
  const routing = document.createElement('input');
  routing.getBoundingClientRect = () => ({ left: 100, top: 100, width: 200, height: 30, right: 300, bottom: 130, x: 100, y: 100 }) as DOMRect;
  document.body.append(routing);
  ui.render([{ element: routing, name: 'Routing number', fillButton: true }], null);
  await frame();
  const button = uiRoot()!.querySelector<HTMLButtonElement>('.fill-button')!;
  return { ui, routing, button };
}

const dialogText = () => Array.from(uiRoot()!.querySelectorAll('[role="alertdialog"]'), (box) => box.textContent).join('\n');

it('keeps our own style on the host: inline, and as the closed root’s :host rule', async () => {
  await drawn();
  const host = document.documentElement.querySelector<HTMLElement>(UI_HOST_TAG)!;
  expect(host.getAttribute('style')).toBe(HOST_INLINE_STYLE);
  expect(uiRoot()!.querySelector('style')!.textContent).toContain(HOST_STYLE);
});

describe('the Fill button', () => {
  it('is watched for visibility, and opens the picker when the browser says it is seen', async () => {
    const { routing, button } = await drawn();
    expect(ScriptedObserver.last!.observed.has(button)).toBe(true);
    ScriptedObserver.last!.callback([{ target: button, isVisible: true }]);
    button.click();
    await frame();
    expect(onFill).toHaveBeenCalledWith(routing, button);
    expect(dialogText()).toBe('');
  });

  it('a click while the page hides or covers it opens nothing and says why', async () => {
    const { button } = await drawn();
    ScriptedObserver.last!.callback([{ target: button, isVisible: false }]);
    button.click();
    await frame();
    expect(onFill).not.toHaveBeenCalled();
    expect(dialogText()).toContain('ACE ACH Assist ignored a click');
    expect(dialogText()).toContain('This page covered or hid ACE ACH Assist; nothing was filled.');
  });

  it('is seen again once the browser says so', async () => {
    const { button } = await drawn();
    ScriptedObserver.last!.callback([{ target: button, isVisible: false }]);
    ScriptedObserver.last!.callback([{ target: button, isVisible: true }]);
    button.click();
    await frame();
    expect(onFill).toHaveBeenCalledTimes(1);
  });
});

it('draws the outlines of filled fields in a layer below the Fill button', async () => {
  const { ui, routing, button } = await drawn();
  ui.flash([routing]);
  // Drawn at the next frame, from the field's box read before any write.
  await frame();
  const flash = uiRoot()!.querySelector('.flash')!;
  const layers = Array.from(uiRoot()!.children);
  expect(layers.indexOf(flash.parentElement!)).toBeLessThan(layers.indexOf(button.parentElement!));
  expect(flash.parentElement!.className).toBe('layer');
});
