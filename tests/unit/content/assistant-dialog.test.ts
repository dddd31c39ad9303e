// @vitest-environment happy-dom
/**
 * The assistant's question on the ACE page: an alertdialog with its title, lines, items and
 * buttons in order; focus on the first choice and kept inside; the answer resolves the promise
 * and removes the dialog; Escape and the page going away answer with the safe choice; focus goes
 * back where it was.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deepActiveElement, focusedInRoot, showDialog, type DialogView } from '@/utils/content/assistant/assistant-dialog';

type Answer = 'replace' | 'keep' | 'cancel';

const VIEW: DialogView<Answer> = {
  title: 'Replace what the form holds?',
  lines: ['The form already holds bank details.', 'Filling replaces them.'],
  items: ['Routing number', 'Account number'],
  choices: [
    { value: 'replace', label: 'Replace' },
    { value: 'keep', label: 'Keep empty fields only' },
    { value: 'cancel', label: 'Cancel' },
  ],
  dismiss: 'cancel',
};

let controller: AbortController;
let container: HTMLElement;
let root: ShadowRoot;

beforeEach(() => {
  controller = new AbortController();
  const host = document.createElement('ace-ach-assist-ui');
  document.body.append(host);
  root = host.attachShadow({ mode: 'open' });
  container = document.createElement('div');
  root.append(container);
});

afterEach(() => {
  controller.abort();
  document.body.replaceChildren();
});

const dialog = () => container.querySelector<HTMLElement>('[role="alertdialog"]');
const buttons = () => Array.from(dialog()!.querySelectorAll('button'));
/** What has focus, followed into the assistant's shadow root. */
const focused = () => deepActiveElement(document);
const press = (target: Element, key: string, shiftKey = false) => {
  const event = new KeyboardEvent('keydown', { key, shiftKey, bubbles: true, cancelable: true, composed: true });
  target.dispatchEvent(event);
  return event;
};

function pageInput() {
  const input = document.createElement('input');
  document.body.append(input);
  return input;
}

/** Resolves to the answer, or 'pending' if there is none yet. */
async function settled<T>(promise: Promise<T>): Promise<T | 'pending'> {
  return Promise.race([promise, new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), 10))]);
}

describe('showDialog', () => {
  it('draws an alertdialog with the title, lines, items and buttons in order', () => {
    void showDialog(document, container, VIEW, controller.signal);
    const box = dialog()!;
    expect(box).toBeTruthy();
    expect(box.getAttribute('aria-modal')).toBe('true');
    const title = box.querySelector('h2')!;
    expect(title.textContent).toBe('Replace what the form holds?');
    expect(box.getAttribute('aria-labelledby')).toBe(title.id);
    const body = root.getElementById(box.getAttribute('aria-describedby')!)!;
    expect(Array.from(body.querySelectorAll('p')).map((p) => p.textContent)).toEqual([
      'The form already holds bank details.',
      'Filling replaces them.',
    ]);
    expect(Array.from(body.querySelectorAll('li')).map((li) => li.textContent)).toEqual(['Routing number', 'Account number']);
    expect(buttons().map((button) => button.textContent)).toEqual(['Replace', 'Keep empty fields only', 'Cancel']);
    expect(buttons().map((button) => button.type)).toEqual(['button', 'button', 'button']);
    expect(buttons()[0]!.className).toBe('primary');
  });

  it('has no list without items, and gives each dialog its own ids', () => {
    void showDialog(document, container, { ...VIEW, items: [] }, controller.signal);
    void showDialog(document, container, { ...VIEW, items: undefined }, controller.signal);
    const boxes = Array.from(container.querySelectorAll('[role="alertdialog"]'));
    expect(boxes).toHaveLength(2);
    expect(boxes.map((box) => box.querySelector('ul'))).toEqual([null, null]);
    expect(boxes[0]!.getAttribute('aria-labelledby')).not.toBe(boxes[1]!.getAttribute('aria-labelledby'));
  });

  it('focuses the first button', () => {
    pageInput().focus();
    void showDialog(document, container, VIEW, controller.signal);
    expect(focused()).toBe(buttons()[0]);
  });

  it('a click on a choice answers with its value and removes the dialog', async () => {
    const answer = showDialog(document, container, VIEW, controller.signal);
    buttons()[1]!.click();
    expect(await answer).toBe('keep');
    expect(dialog()).toBeNull();
  });

  it('each choice answers its own value', async () => {
    for (const [i, value] of (['replace', 'keep', 'cancel'] as const).entries()) {
      const answer = showDialog(document, container, VIEW, controller.signal);
      buttons()[i]!.click();
      expect(await answer).toBe(value);
    }
  });

  it('waits for an answer', async () => {
    const answer = showDialog(document, container, VIEW, controller.signal);
    expect(await settled(answer)).toBe('pending');
    expect(dialog()).toBeTruthy();
  });

  it('Escape answers with the dismiss choice and removes the dialog', async () => {
    const answer = showDialog(document, container, { ...VIEW, dismiss: 'keep' }, controller.signal);
    const event = press(buttons()[0]!, 'Escape');
    expect(event.defaultPrevented).toBe(true);
    expect(await answer).toBe('keep');
    expect(dialog()).toBeNull();
  });

  it("keeps its keys from the page's listeners", () => {
    const seen: string[] = [];
    document.addEventListener('keydown', (event) => seen.push(event.key));
    void showDialog(document, container, VIEW, controller.signal);
    press(buttons()[0]!, 'Tab');
    press(buttons()[0]!, 'a');
    expect(seen).toEqual([]);
  });

  it('Tab and Shift+Tab cycle through the buttons and stay inside', () => {
    void showDialog(document, container, VIEW, controller.signal);
    const [first, second, third] = buttons();
    expect(press(first!, 'Tab').defaultPrevented).toBe(true);
    expect(focused()).toBe(second);
    press(second!, 'Tab');
    expect(focused()).toBe(third);
    press(third!, 'Tab');
    expect(focused()).toBe(first);
    press(first!, 'Tab', true);
    expect(focused()).toBe(third);
    press(third!, 'Tab', true);
    expect(focused()).toBe(second);
    press(second!, 'Tab', true);
    expect(focused()).toBe(first);
  });

  it('gives the focus back to what had it before', async () => {
    const input = pageInput();
    input.focus();
    const answer = showDialog(document, container, VIEW, controller.signal);
    expect(focused()).not.toBe(input);
    buttons()[0]!.click();
    await answer;
    expect(document.activeElement).toBe(input);
  });

  it('gives the focus back inside a shadow root too', async () => {
    const inner = document.createElement('input');
    root.append(inner);
    inner.focus();
    expect(focused()).toBe(inner);
    const answer = showDialog(document, container, VIEW, controller.signal);
    press(buttons()[0]!, 'Escape');
    await answer;
    expect(focused()).toBe(inner);
  });

  it('gives the focus back inside a closed root, which the page’s activeElement does not show (the Fill button)', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const closed = host.attachShadow({ mode: 'closed' });
    const fill = document.createElement('button');
    const overlay = document.createElement('div');
    closed.append(fill, overlay);
    fill.focus();
    expect(deepActiveElement(document)).toBe(host);
    const answer = showDialog(document, overlay, VIEW, controller.signal);
    expect(closed.activeElement).not.toBe(fill);
    press(closed.activeElement!, 'Escape');
    await answer;
    expect(closed.activeElement).toBe(fill);
    expect(focusedInRoot(overlay)).toBe(fill);
  });

  it('the page going away (abort) answers with the dismiss choice and removes the dialog', async () => {
    const input = pageInput();
    input.focus();
    const answer = showDialog(document, container, { ...VIEW, dismiss: 'keep' }, controller.signal);
    controller.abort();
    expect(await answer).toBe('keep');
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(input);
  });

  it('an answered dialog no longer listens to the signal', async () => {
    pageInput().focus();
    const answer = showDialog(document, container, VIEW, controller.signal);
    buttons()[0]!.click();
    expect(await answer).toBe('replace');
    const other = pageInput();
    other.focus();
    controller.abort();
    // No second finish: focus is not pulled back.
    expect(document.activeElement).toBe(other);
  });
});

describe('with a visibility gate (clickjacking)', () => {
  /** A gate whose answers the test sets per button label; it records what it watches. */
  function gate(seen: (label: string) => boolean) {
    const watched = new Set<Element>();
    return {
      watched,
      gate: {
        tracked: true,
        watch: (element: Element) => void watched.add(element),
        unwatch: (element: Element) => void watched.delete(element),
        check: async (element: Element) => seen(element.textContent ?? ''),
      },
    };
  }

  it('watches its buttons while it is open, and a click on a seen choice answers it', async () => {
    const { gate: g, watched } = gate(() => true);
    const answer = showDialog(document, container, VIEW, controller.signal, g);
    expect([...watched]).toEqual(buttons());
    buttons()[0]!.click();
    expect(await answer).toBe('replace');
    expect(watched.size).toBe(0);
  });

  it('a click on a choice the page hid answers with the safe choice, and says why', async () => {
    const { gate: g } = gate((label) => label !== 'Replace');
    const answer = showDialog(document, container, VIEW, controller.signal, g);
    buttons()[0]!.click();
    expect(await answer).toBe('cancel');
    const shown = dialog()!;
    expect(shown.querySelector('h2')!.textContent).toBe('ACE ACH Assist ignored a click');
    expect(shown.textContent).toContain('This page covered or hid ACE ACH Assist; nothing was filled.');
    expect(buttons().map((button) => button.textContent)).toEqual(['OK']);
  });
});
